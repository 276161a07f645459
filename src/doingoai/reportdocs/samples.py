from doingoai.core.samples import sample
from doingoai.organization.models import Term

from .models import ReportDocument


@sample("report-documents")
def report_document_sample(unit, **kw):
    values = dict(
        unit=unit,
        term=Term.objects.filter(name="XIII").first(),
        assessment="Công tác đối ngoại được triển khai chủ động, đúng định hướng.",
    )
    values.update(kw)
    return ReportDocument.objects.create(**values)
