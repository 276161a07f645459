from django import template

from doingoai.reports.formatting import usd as _usd
from doingoai.reports.formatting import vn_number
from doingoai.reports.formatting import vnd as _vnd

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
