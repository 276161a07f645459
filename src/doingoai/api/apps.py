from django.apps import AppConfig


class Config(AppConfig):
    name = "doingoai.api"
    label = "api"
