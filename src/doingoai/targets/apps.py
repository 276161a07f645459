from doingoai.core.apps import RecordApp


class Config(RecordApp):
    name = "doingoai.targets"
    label = "targets"
    verbose_name = "targets"
