from django.apps import AppConfig


class Config(AppConfig):
    name = "doingoai.agreements"
    label = "agreements"
