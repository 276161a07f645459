from doingoai.core.apps import RecordApp


class Config(RecordApp):
    name = "doingoai.overseas"
    label = "overseas"
