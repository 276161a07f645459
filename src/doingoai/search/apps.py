from doingoai.core.apps import RecordApp


class Config(RecordApp):
    name = "doingoai.search"
    label = "search"
    tracked = False  # no records of its own
