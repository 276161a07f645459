from html import escape as _escape

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


@register.filter
def json_data(value, element_id):
    """Django's ``json_script`` (the same bytes), its three characters escaped by
    ``str.replace``: ``str.translate`` with a mapping looks every character up (the
    dashboard's 55 KB of chart data: 9 ms a first view, 0.2 ms so)."""
    import json

    from django.core.serializers.json import DjangoJSONEncoder
    from django.utils.html import format_html
    from django.utils.safestring import mark_safe

    text = json.dumps(value, cls=DjangoJSONEncoder)
    text = text.replace(">", "\\u003E").replace("<", "\\u003C").replace("&", "\\u0026")
    return format_html(
        '<script id="{}" type="application/json">{}</script>', element_id, mark_safe(text)
    )


# -- the dashboard's long tables, written in Python ----------------------------
# A dashboard has hundreds of rows (the units below, the selector's units, the
# countries of the map layers): the template engine's ~20 µs a node made them a third
# of the first view after a change. These give the same HTML as the loops they replace.


def _e(value) -> str:
    """``{{ value }}`` in a template (autoescaped; a safe string as it is): the same
    five characters escaped as Django's ``escape``, by ``html.escape`` (``str.replace``,
    several times faster than Django's ``str.translate`` on long addresses)."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return _escape(str(value), quote=True)


@register.simple_tag
def units_below_rows(rows):
    """The rows of the "units below" table."""
    from django.utils.safestring import mark_safe

    out = []
    for row in rows:
        res = _e(row["resources_url"])
        out.append(
            f"<tr{'' if row['intl_events'] else ' class="no-event"'}>"
            f'<td><a href="{_e(row["dashboard_url"])}">{_e(row["unit"].name)}</a></td>\n'
            f'    <td class="num"><a href="{_e(row["activities_url"])}">'
            f"{_e(vn_number(row['activities']))}</a></td>\n"
            f'    <td class="num"><a href="{_e(row["intl_url"])}">'
            f"{_e(vn_number(row['intl_events']))}</a></td>\n"
            f'    <td class="num"><a href="{_e(row["agreements_url"])}">'
            f"{_e(vn_number(row['agreements']))}</a></td>\n"
            f'    <td class="num"><a href="{res}">{_e(vn_number(row["resources"]))}</a></td>\n'
            f'    <td class="num"><a href="{res}&amp;direction=received">'
            f"{_e(_vnd(row['received_vnd']))}</a></td>\n"
            f'    <td class="num"><a href="{res}&amp;direction=given">'
            f"{_e(_vnd(row['given_vnd']))}</a></td></tr>"
        )
    return mark_safe("".join(out))


@register.simple_tag
def unit_options(units, unit):
    """The selector's units, the chosen one selected."""
    from django.utils.safestring import mark_safe

    return mark_safe(
        "".join(
            f'<option value="{u.pk}"{" selected" if u.pk == unit.pk else ""}>{_e(u.name)}</option>'
            for u in units
        )
    )


@register.simple_tag
def country_rows(countries):
    """The rows of a map layer's table of countries."""
    from django.utils.safestring import mark_safe

    return mark_safe(
        "".join(
            f'<tr data-country="{_e(c["name"])}"><td>{_e(c["label"])}</td>'
            f'<td class="num"><a href="{_e(c["url"])}">{_e(vn_number(c["value"]))}</a></td>'
            f'<td class="muted">{_e(c["note"])}</td></tr>'
            for c in countries
        )
    )


@register.simple_tag
def partner_country_rows(countries):
    """The rows of the table of partners by country."""
    from django.utils.safestring import mark_safe

    return mark_safe(
        "".join(
            f"<tr><td>{_e(c['name'])}</td>"
            f'<td class="num"><a href="{_e(c["url"])}">{_e(vn_number(c["n"]))}</a></td>'
            f'<td class="num"><a href="{_e(c["new_url"])}">{_e(vn_number(c["new"]))}</a></td></tr>'
            for c in countries
        )
    )


@register.simple_tag
def resource_rows(rows, name: str = "name"):
    """The rows of a table of resources (by country: ``name``; by kind: ``label``)."""
    from django.utils.safestring import mark_safe
    from django.utils.translation import gettext as _

    received, given = _e(_("Received")), _e(_("Given"))
    out = []
    for c in rows:
        url = _e(c["url"])
        out.append(
            f"<tr><td>{received if c['direction'] == 'received' else given}</td>"
            f"<td>{_e(c[name])}</td>"
            f'<td class="num"><a href="{url}">{_e(vn_number(c["items"]))}</a></td>'
            f'<td class="num"><a href="{url}">{_e(vnd_of(c))}</a></td>'
            f'<td class="num"><a href="{url}">{_e(usd_of(c))}</a></td></tr>'
        )
    return mark_safe("".join(out))
