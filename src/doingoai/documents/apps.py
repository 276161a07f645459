from django.apps import AppConfig


class Config(AppConfig):
    """The layout of Vietnamese administrative documents (Decree 30/2020/NĐ-CP) in Word,
    PDF and Excel: reports, submissions (tờ trình), post-trip reports use it."""

    name = "doingoai.documents"
    label = "documents"
