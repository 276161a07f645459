"""Template helpers: Vietnamese display of values, URLs of kinds, history."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django import template
from django.db.models import Model
from django.urls import NoReverseMatch, reverse
from django.utils import formats, timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from doingoai.core.numbers import format_money, format_number

register = template.Library()


@register.filter
def show(value):
    """Display any field value the way an officer reads it."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)  # Việt Nam time (TIME_ZONE), not UTC
        return formats.date_format(value, "SHORT_DATETIME_FORMAT")
    if isinstance(value, dt.date):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    if isinstance(value, (int, Decimal, float)):
        if isinstance(value, float):
            value = Decimal(repr(value))
        return format_number(value)  # 10.000.000, 4 (not 4,00), 1,5
    if isinstance(value, Model):
        return link(value)
    if isinstance(value, (list, tuple)):
        if value and isinstance(value[0], Model):
            return format_html_join(", ", "{}", ((link(v),) for v in value))
        return ", ".join(str(v) for v in value)
    return value


@register.filter
def link(obj):
    try:
        url = obj.get_absolute_url()
    except (AttributeError, NoReverseMatch):
        return str(obj)
    return format_html('<a href="{}">{}</a>', url, obj)


@register.simple_tag
def kind_url(kind, name, *args):
    return reverse(f"{kind.slug}_{name}", args=args)


@register.filter
def field_value(obj, name):
    value = getattr(obj, f"get_{name}_display", None)
    if value is not None:
        return value()
    return getattr(obj, name, None)


@register.simple_tag(takes_context=True)
def querystring_without(context, *names):
    params = context["request"].GET.copy()
    for name in names:
        params.pop(name, None)
    return params.urlencode()


@register.filter
def money(value, currency="VND"):
    """``40.000.000 ₫``; an equivalent that could not be computed says so."""
    if value is None or value == "":
        return format_html('<span class="no-rate">{}</span>', _("no exchange rate yet"))
    # kept on one line by the .money style
    return format_html('<span class="money">{}</span>', format_money(value, currency))
