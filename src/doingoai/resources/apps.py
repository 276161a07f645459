from doingoai.core.apps import RecordApp


class Config(RecordApp):
    name = "doingoai.resources"
    label = "resources"
