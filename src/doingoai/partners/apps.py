from doingoai.core.apps import RecordApp


class Config(RecordApp):
    name = "doingoai.partners"
    label = "partners"
