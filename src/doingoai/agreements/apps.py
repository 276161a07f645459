from doingoai.core.apps import RecordApp


class Config(RecordApp):
    name = "doingoai.agreements"
    label = "agreements"
