import django_tables2 as tables
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from doingoai.core.tables import LinkColumn, RecordTable
from doingoai.core.templatetags.doingoai import money

from .models import ExchangeRate, Resource


class ResourceTable(RecordTable):
    title = LinkColumn()
    amount = tables.Column(verbose_name=_("amount"), attrs={"td": {"class": "num"}})
    amount_vnd = tables.Column(
        verbose_name=_("VND"), empty_values=(), attrs={"td": {"class": "num"}}
    )
    amount_usd = tables.Column(
        verbose_name=_("USD"), empty_values=(), attrs={"td": {"class": "num"}}
    )
    #: a row shows its partner's and its unit's names; its equivalents, moved by a new
    #: exchange rate without a save, are announced (core.tables)
    row_topics = ("organization", "partners")

    class Meta(RecordTable.Meta):
        model = Resource
        fields = [
            "title",
            "direction",
            "kind",
            "date",
            "partner",
            "unit",
            "amount",
            "amount_vnd",
            "amount_usd",
            "stage",
        ]
        sequence = fields

    def render_amount(self, record):
        return money(record.amount, record.currency)

    def render_amount_vnd(self, record):
        return money(record.amount_vnd, "VND")

    def render_amount_usd(self, record):
        return money(record.amount_usd, "USD")


class ExchangeRateTable(RecordTable):
    currency = LinkColumn()
    vnd_per_unit = tables.Column(verbose_name=_("đồng per unit"), attrs={"td": {"class": "num"}})

    class Meta(RecordTable.Meta):
        model = ExchangeRate
        fields = ["currency", "date", "vnd_per_unit", "source"]
        sequence = fields

    def render_vnd_per_unit(self, value):
        from .money import format_number

        return format_html("{} ₫", format_number(value))
