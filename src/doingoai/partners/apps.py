from django.apps import AppConfig


class Config(AppConfig):
    name = "doingoai.partners"
    label = "partners"
