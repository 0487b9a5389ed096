curl -X POST https://api.mypurecloud.com/oauth/token -u id:CANARYbeforeerr <<CANARYheredoc12
