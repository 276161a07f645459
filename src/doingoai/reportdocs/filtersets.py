from doingoai.core.filters import RecordFilterSet, UnitSubtreeFilter

from .models import ReportDocument


class ReportDocumentFilterSet(RecordFilterSet):
    unit = UnitSubtreeFilter()

    class Meta:
        model = ReportDocument
        fields = ["q", "state", "unit", "term", "year"]
