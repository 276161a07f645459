from doingoai.core.apps import RecordApp


class Config(RecordApp):
    name = "doingoai.imports"
    label = "imports"
    tracked = False  # no records of its own: it writes through the record kinds
