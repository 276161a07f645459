from django.apps import AppConfig


class Config(AppConfig):
    name = "doingoai.news"
    label = "news"
