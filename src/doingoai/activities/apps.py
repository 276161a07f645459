from django.apps import AppConfig


class Config(AppConfig):
    name = "doingoai.activities"
    label = "activities"
