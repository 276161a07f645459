from doingoai.core.apps import RecordApp


class Config(RecordApp):
    name = "doingoai.reminders"
    label = "reminders"
    verbose_name = "reminders"
    tracked = False  # reminders follow the records; no page's figures depend on them
