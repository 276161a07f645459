from doingoai.core.apps import RecordApp


class Config(RecordApp):
    name = "doingoai.news"
    label = "news"
