"""The dashboard's long tables are written in Python (``reports`` template tags): the
same HTML as the template loops they replace, escaping and the "no exchange rate" marks
included."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

from django.template import Context, Template

LOAD = "{% load i18n reports %}"

UNITS = (
    '{% for row in rows %}<tr{% if not row.intl_events %} class="no-event"{% endif %}>'
    '<td><a href="{{ row.dashboard_url }}">{{ row.unit.name }}</a></td>\n'
    '    <td class="num"><a href="{{ row.activities_url }}">{{ row.activities|num }}</a></td>\n'
    '    <td class="num"><a href="{{ row.intl_url }}">{{ row.intl_events|num }}</a></td>\n'
    '    <td class="num"><a href="{{ row.agreements_url }}">{{ row.agreements|num }}</a></td>\n'
    '    <td class="num"><a href="{{ row.resources_url }}">{{ row.resources|num }}</a></td>\n'
    '    <td class="num"><a href="{{ row.resources_url }}&amp;direction=received">'
    "{{ row.received_vnd|vnd }}</a></td>\n"
    '    <td class="num"><a href="{{ row.resources_url }}&amp;direction=given">'
    "{{ row.given_vnd|vnd }}</a></td></tr>{% endfor %}"
)
OPTIONS = (
    '{% for u in units %}<option value="{{ u.pk }}"{% if u.pk == unit.pk %} selected{% endif %}>'
    "{{ u.name }}</option>{% endfor %}"
)
COUNTRIES = (
    '{% for c in rows %}<tr data-country="{{ c.name }}"><td>{{ c.label }}</td><td class="num">'
    '<a href="{{ c.url }}">{{ c.value|num }}</a></td><td class="muted">{{ c.note }}</td></tr>'
    "{% endfor %}"
)
PARTNERS = (
    '{% for c in rows %}<tr><td>{{ c.name }}</td><td class="num"><a href="{{ c.url }}">'
    '{{ c.n|num }}</a></td><td class="num"><a href="{{ c.new_url }}">{{ c.new|num }}</a></td>'
    "</tr>{% endfor %}"
)
RESOURCES = (
    '{% for c in rows %}<tr><td>{% if c.direction == "received" %}{% translate "Received" %}'
    '{% else %}{% translate "Given" %}{% endif %}</td><td>{{ c.NAME }}</td><td class="num">'
    '<a href="{{ c.url }}">{{ c.items|num }}</a></td><td class="num"><a href="{{ c.url }}">'
    '{{ c|vnd_of }}</a></td><td class="num"><a href="{{ c.url }}">{{ c|usd_of }}</a></td></tr>'
    "{% endfor %}"
)


def render(source, **context):
    return Template(LOAD + source).render(Context(context))


def test_the_tags_write_what_the_loops_wrote():
    odd = 'Hội "A" & <B> O\'Neil'
    units = [SimpleNamespace(pk=7, name=odd), SimpleNamespace(pk=12345, name="Đắk Lắk")]
    rows = [
        {
            "unit": u,
            "dashboard_url": f"/?unit={u.pk}&term=XIII",
            "activities_url": "/activities/?a=1&b=2",
            "intl_url": "/x?y=<1>",
            "agreements_url": "/agreements/",
            "resources_url": "/resources/?unit=1&date_after=2022-03-01",
            "activities": 1234567,
            "intl_events": n,
            "agreements": 0,
            "resources": 3,
            "received_vnd": Decimal("1500000000"),
            "given_vnd": Decimal(0),
        }
        for u, n in zip(units, (0, 4), strict=True)
    ]
    assert render("{% units_below_rows rows %}", rows=rows) == render(UNITS, rows=rows)
    ctx = {"units": units, "unit": units[1]}
    assert render("{% unit_options units unit %}", **ctx) == render(OPTIONS, **ctx)
    countries = [
        {"name": "US", "label": odd, "url": "/p/?c=US&x=1", "value": 1200, "note": "3 <new>"},
        {"name": "FR", "label": "Pháp", "url": "/p/", "value": 0, "note": ""},
    ]
    assert render("{% country_rows rows %}", rows=countries) == render(COUNTRIES, rows=countries)
    partners = [{"name": odd, "url": "/p/?a=1&b=2", "n": 15000, "new": 3, "new_url": "/n/"}]
    assert render("{% partner_country_rows rows %}", rows=partners) == render(
        PARTNERS, rows=partners
    )
    money = [
        # with a rate, none converted (a 0 that is not a zero), some without one, given
        {"items": 2, "vnd": Decimal(3_000_000), "usd": Decimal("120.50"), "no_rate": 0},
        {"items": 2, "vnd": Decimal(0), "usd": Decimal(0), "no_rate": 2},
        {"items": 5, "vnd": Decimal(9_000_000), "usd": Decimal("360.00"), "no_rate": 1},
    ]
    resources = [
        {"direction": d, "name": odd, "label": f"Kind {i}", "url": f"/r/?k={i}&d={d}", **m}
        for i, m in enumerate(money)
        for d in ("received", "given")
    ]
    for name in ("name", "label"):
        want = render(RESOURCES.replace("NAME", name), rows=resources)
        assert render(f'{{% resource_rows rows "{name}" %}}', rows=resources) == want
        assert "no-rate" in want and ("&quot;A&quot;" in want) is (name == "name")


def test_the_chart_data_is_what_json_script_wrote():
    """The dashboard's chart data (``json_data``) is Django's ``json_script`` byte for
    byte: the characters that could end the script escaped, Vietnamese kept as JSON
    escapes, dates and decimals encoded alike."""
    import datetime as dt

    data = {
        "labels": {"total": 'Tổng "cộng" </script><b> & Đắk Lắk'},
        "rows": [{"vnd": Decimal("12.50"), "day": dt.date(2025, 3, 1), "url": "/a/?x=1&y=2"}],
    }
    wanted = render('{{ data|json_script:"dashboard-data" }}', data=data)
    assert render('{{ data|json_data:"dashboard-data" }}', data=data) == wanted
    assert "</script><b>" not in wanted.removesuffix("</script>")
