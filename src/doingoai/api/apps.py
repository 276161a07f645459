from doingoai.core.apps import RecordApp


class Config(RecordApp):
    name = "doingoai.api"
    label = "api"
    tracked = False  # tokens: no page shows them but the owner's profile (never cached)
