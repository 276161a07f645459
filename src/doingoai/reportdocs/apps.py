from doingoai.core.apps import RecordApp


class Config(RecordApp):
    """Report documents: a unit's term or year report as a document with a life (draft,
    submitted, approved, issued with its number, date and signer, kept as issued)."""

    name = "doingoai.reportdocs"
    label = "reportdocs"
