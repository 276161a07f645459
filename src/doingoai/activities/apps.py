from doingoai.core.apps import RecordApp


class Config(RecordApp):
    name = "doingoai.activities"
    label = "activities"
