environment = "mypurecloud.ie"
client_id   = "set-in-ci"
