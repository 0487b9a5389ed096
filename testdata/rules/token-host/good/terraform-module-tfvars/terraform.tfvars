environment = "mypurecloud.ie"
idp_domain  = "example.com"
