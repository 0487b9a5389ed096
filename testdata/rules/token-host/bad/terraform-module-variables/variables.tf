variable "environment" {
  type    = string
  default = "mypurecloud.de"
}

variable "client_id" {
  type = string
}

variable "client_secret" {
  type      = string
  sensitive = true
}
