module example.com/partial

go 1.22

require github.com/mypurecloud/platform-client-sdk-go/v999 v999.0.0
