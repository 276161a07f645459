from doingoai.core.tables import LinkColumn, RecordTable

from .models import NewsItem


class NewsItemTable(RecordTable):
    title = LinkColumn()

    class Meta(RecordTable.Meta):
        model = NewsItem
        fields = ["title", "published", "status", "unit", "activity"]
        sequence = fields
