from doingoai.core.tables import LinkColumn, RecordTable

from .models import ReportDocument


class ReportDocumentTable(RecordTable):
    id = LinkColumn(verbose_name="#")

    class Meta(RecordTable.Meta):
        model = ReportDocument
        fields = ["id", "unit", "term", "year", "state", "number", "issued_date"]
        sequence = fields
