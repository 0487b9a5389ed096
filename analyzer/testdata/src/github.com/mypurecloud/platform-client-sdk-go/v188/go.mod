module github.com/mypurecloud/platform-client-sdk-go/v188

go 1.22
