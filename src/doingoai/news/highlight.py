"""The article's text with each extracted fact marked where it was found."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

FIELD_LABELS = {
    "title": _("title"),
    "start_date": _("dates"),
    "end_date": _("dates"),
    "kind": _("kind of activity"),
    "units": _("unit"),
    "partners": _("partner"),
    "places": _("place"),
    "amounts": _("amount"),
    "agreement": _("agreement"),
    "countries": _("country"),
    "date_without_year": _("date without its year"),
}


def nested_spans(spans, length: int) -> list[tuple[str, int, int]]:
    """Spans that nest properly (a span starting inside another and ending after
    it is dropped), clipped to the text, in document order."""
    clean = []
    for span in spans or []:
        try:
            name, start, end = str(span[0]), int(span[1]), int(span[2])
        except (TypeError, ValueError, IndexError):
            continue
        start, end = max(0, start), min(length, end)
        if end > start:
            clean.append((name, start, end))
    clean.sort(key=lambda s: (s[1], -s[2]))
    kept, stack = [], []
    for name, start, end in clean:
        while stack and stack[-1][2] <= start:
            stack.pop()
        if stack and end > stack[-1][2]:
            continue  # overlaps its container's end: cannot nest
        if stack and (stack[-1][1], stack[-1][2]) == (start, end) and stack[-1][0] == name:
            continue
        kept.append((name, start, end))
        stack.append((name, start, end))
    return kept


def highlight(text: str, spans, unsure=()) -> SafeString:
    """HTML of ``text`` with ``<mark data-field=...>`` around every span; the spans of the
    fields named in ``unsure`` (and a date without its year) carry ``class="unsure"``."""
    text = text or ""
    unsure = set(unsure) | {"date_without_year"}
    events = []  # (position, order, html): closings before openings at one position
    for name, start, end in nested_spans(spans, len(text)):
        label = escape(str(FIELD_LABELS.get(name, name)))
        flag = ' class="unsure"' if name in unsure else ""
        events.append((start, 1, -end, f'<mark data-field="{escape(name)}"{flag} title="{label}">'))
        events.append((end, 0, -start, "</mark>"))
    events.sort(key=lambda e: (e[0], e[1], e[2]))
    out, pos = [], 0
    for at, _order, _key, html in events:
        out.append(escape(text[pos:at]))
        out.append(html)
        pos = at
    out.append(escape(text[pos:]))
    return mark_safe("".join(out))
