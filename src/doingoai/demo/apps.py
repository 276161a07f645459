from doingoai.core.apps import RecordApp


class Config(RecordApp):
    """Data to show and to measure: the demo (``load_demo``) and national-scale generated
    data (``generate``, for ``bench/``)."""

    name = "doingoai.demo"
    label = "demo"
    tracked = False  # no records of its own
