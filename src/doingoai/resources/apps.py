from django.apps import AppConfig


class Config(AppConfig):
    name = "doingoai.resources"
    label = "resources"
