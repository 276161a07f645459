from django.urls import path
from django.utils.translation import gettext_lazy as _

from doingoai.core.registry import RecordKind, register
from doingoai.core.scope import ADD, CHANGE

from .filtersets import NewsItemFilterSet
from .forms import NewsItemForm
from .models import NewsItem
from .tables import NewsItemTable


@register
class NewsItemKind(RecordKind):
    model = NewsItem
    slug = "news"
    form_class = NewsItemForm
    filterset_class = NewsItemFilterSet
    table_class = NewsItemTable
    list_select_related = ["unit", "activity"]
    detail_fields = ["title", "published", "source_url", "source_file", "status", "unit",
                     "activity", "notes"]
    detail_select_related = ["unit", "activity"]
    export_fields = ["title", "published", "source_url", "source_file", "status", "unit",
                     "activity"]
    ordering = ["-published", "-pk"]
    menu_order = 60
    attachment_kinds = ["document", "photo"]
    detail_panels = ["news/news_panels.html"]
    object_actions = [(_("Review and record the activity"), "news_review", CHANGE)]
    # pages reached from the list: (label, url name, required action)
    list_actions = [(_("Read an article"), "news_import", ADD)]

    @staticmethod
    def detail_context(obj, user):
        from .pages import news_context

        return news_context(obj, user)

    @staticmethod
    def extra_urls():
        from . import pages

        return [
            path("news/import/", pages.import_page, name="news_import"),
            path("news/<int:pk>/review/", pages.review_page, name="news_review"),
            path("activities/<int:pk>/write-news/", pages.write_page,
                 name="activity_write_news"),
        ]
