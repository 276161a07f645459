from django.apps import AppConfig


class Config(AppConfig):
    name = "doingoai.reports"
    label = "reports"
