from django import template

from doingoai.documents.formatting import usd as _usd
from doingoai.documents.formatting import vn_number
from doingoai.documents.formatting import vnd as _vnd

register = template.Library()


@register.filter
def num(value):
    return vn_number(value)


@register.filter
def vnd(value):
    return _vnd(value)


@register.filter
def usd(value):
    return _usd(value)


@register.filter
def vnd_of(row):
    """A row's VND total, or "chưa có tỷ giá" when it is 0 only because none of its items
    could be converted (a 0 that is not a zero). An amount in đồng needs no rate: a
    non-zero total is shown as it is."""
    value = row.get("vnd")
    if value:
        return _vnd(value)
    return _rated(row, _vnd(value))


@register.filter
def usd_of(row):
    """A row's USD total; "chưa có tỷ giá" when none of its items has a rate, "…*" when
    some have none (they are not in the total)."""
    return _rated(row, _usd(row.get("usd")))


def _rated(row, text):
    from django.utils.html import format_html
    from django.utils.translation import gettext as _

    items, missing = row.get("items") or 0, row.get("no_rate") or 0
    if missing and missing >= items:
        return format_html('<span class="no-rate">{}</span>', _("no exchange rate yet"))
    if missing:
        title = _("%(n)s items without an exchange rate are not in this total") % {
            "n": vn_number(missing)
        }
        return format_html('{}<abbr class="no-rate" title="{}">*</abbr>', text, title)
    return text
