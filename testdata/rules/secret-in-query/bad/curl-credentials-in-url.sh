curl -X POST "https://login.mypurecloud.com/oauth/token?grant_type=client_credentials&client_id=$ID&client_secret=$SECRET"
