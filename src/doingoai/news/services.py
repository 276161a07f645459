"""Actions on news items: importing an article (a draft news item with the facts read
from it), confirming its draft activity, and saving an article written from an
activity. Keyword-only, one transaction each, audited."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from doingoai.core.models import audit
from doingoai.core.scope import ADD, CHANGE, VIEW, is_system_admin, role_allows
from doingoai.core.text import fold
from doingoai.core.writing import record_save

from .amounts import is_approximate
from .documents import read_document
from .extraction import extract
from .models import NewsItem, fingerprint_of

__all__ = [
    "ImportResult",
    "article_text",
    "import_article",
    "news_confirm",
    "news_write",
    "draft_from_item",
]


def may_add_for(user, unit) -> bool:
    """May the user add records owned by ``unit`` (her subtree, editor or above)?"""
    if not role_allows(user, ADD):
        return False
    if is_system_admin(user):
        return True
    return user.unit is not None and unit.path.startswith(user.unit.path)


@dataclass
class ImportResult:
    item: NewsItem
    created: bool

    @property
    def duplicate(self) -> bool:
        return not self.created


def _normalize(text: str) -> str:
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    return unicodedata.normalize("NFC", text).strip()


def article_text(data: bytes, filename: str) -> tuple[str, date | None, str]:
    """(text to keep and read, publication date, title) of an article file.

    A text file is kept as it is (the reader skips its furniture itself); an HTML
    page or a Word document is kept as its title and body lines.
    Raises ``ValueError`` for a file the reader cannot read.
    """
    suffix = Path(filename).suffix.lower()
    doc = read_document(data, filename)
    if suffix in (".txt", ""):
        from .documents import _decode

        return _normalize(_decode(data)), doc.published, doc.title
    text = "\n".join(x for x in (doc.title, doc.body_text) if x)
    return _normalize(text), doc.published, doc.title


#: the longest article read in (the edit form's limit of a news item's text)
MAX_ARTICLE_CHARS = 200_000


def import_article(
    *,
    text: str,
    unit,
    acting_user=None,
    source_file: str = "",
    source_url: str = "",
    published: date | None = None,
    title: str | None = None,
) -> ImportResult:
    """Read one article into a draft news item of ``unit``.

    The same article already imported for this unit (or visible to the acting
    user) is recognized by its fingerprint and returned with ``created=False``.
    """
    body = _normalize(text)
    if not body:
        raise ValidationError(_("The article is empty."))
    if len(body) > MAX_ARTICLE_CHARS:
        raise ValidationError(
            _("The article has %(count)s characters; the limit is %(limit)s.")
            % {
                "count": f"{len(body):,}".replace(",", "."),
                "limit": f"{MAX_ARTICLE_CHARS:,}".replace(",", "."),
            },
            code="too_long",
        )
    fingerprint = fingerprint_of(body)
    existing = NewsItem.objects.filter(unit=unit, fingerprint=fingerprint).first()
    if existing is None and acting_user is not None and getattr(acting_user, "pk", None):
        existing = (
            NewsItem.objects.restrict(acting_user, VIEW)
            .filter(fingerprint=fingerprint)
            .order_by("pk")
            .first()
        )
    if existing is not None:
        return ImportResult(existing, False)
    if acting_user is not None and getattr(acting_user, "pk", None):
        if not may_add_for(acting_user, unit):
            raise PermissionDenied
    result = extract(body, title=title, published=published)
    data = result.to_json()
    item = NewsItem(
        title=(title or result.title or body.split("\n", 1)[0])[:500],
        published=published or result.published,
        source_url=(source_url or "")[:500],
        body=body,
        source_file=(source_file or "")[:255],
        status=NewsItem.Status.DRAFT,
        unit=unit,
        extraction=data,
    )
    try:
        with transaction.atomic():
            item.save()
    except IntegrityError:  # imported meanwhile by somebody else
        return ImportResult(NewsItem.objects.get(unit=unit, fingerprint=fingerprint), False)
    audit(
        user=acting_user,
        action="news_import",
        record=item,
        message=item.title,
        source_file=item.source_file,
    )
    return ImportResult(item, True)


def import_file(
    *,
    data: bytes,
    filename: str,
    unit,
    acting_user=None,
    source_url: str = "",
    published: date | None = None,
) -> ImportResult:
    text, doc_published, title = article_text(data, filename)
    return import_article(
        text=text,
        unit=unit,
        acting_user=acting_user,
        source_file=Path(filename).name,
        source_url=source_url,
        published=published or doc_published,
        title=title or None,
    )


def earlier_copies(item: NewsItem, user) -> list[tuple]:
    """(news item, Likeness) of the articles imported before ``item`` that the user can
    see and that tell the same story (another byline, captions, furniture, a few words
    edited): ``item`` is probably already imported."""
    from .similarity import near_duplicates

    earlier = NewsItem.objects.restrict(user, VIEW).filter(pk__lt=item.pk)
    return near_duplicates(earlier, item.body, exclude=item.pk)


# --- the draft activity -----------------------------------------------------------


_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")


def _resource_title(amount: dict, extraction: dict, body: str) -> str:
    events = extraction.get("events") or []
    if amount.get("direction") == "given":
        for event in events:
            if event.get("kind") == "aid_handover":
                label = event["label"]
                return label[:1].upper() + label[1:]
    text = amount.get("text") or ""
    pos = body.find(text) if text else -1
    if pos >= 0:
        # the sentence around the amount: a full stop is one followed by a space, not the
        # dot inside "240.000 EUR"
        ends = [m.end() for m in _SENTENCE_END.finditer(body, 0, pos)]
        start = ends[-1] if ends else 0
        after = _SENTENCE_END.search(body, pos + len(text))
        end = after.start() if after else len(body)
        sentence = " ".join(body[start:end].split())
        at = sentence.find(" ".join(text.split()))
        if len(sentence) > 200 and at >= 0:
            # a long sentence: from the clause that holds the amount
            cut = max(sentence.rfind(", ", 0, at), sentence.rfind("; ", 0, at))
            sentence = sentence[cut + 2 :] if 0 <= cut and at - cut < 150 else sentence[at:]
            sentence = sentence[:1].upper() + sentence[1:]
        if len(sentence) > 200:
            sentence = sentence[:199].rsplit(" ", 1)[0] + "…"
        if sentence:
            return sentence
    return text[:200] or _("Amount from the article")


def draft_from_item(item: NewsItem, user) -> dict:
    """What the review page proposes: activity form values, partner matches and
    resource proposals, from the facts read from the article."""
    from doingoai.activities.models import Activity

    from .matching import match_agreement, match_partners, match_units, place_lines

    ex = item.extraction or {}
    units = match_units(ex.get("units") or [], user)
    organizer = units[0] if units else getattr(user, "unit", None)
    agreement = match_agreement(ex.get("agreement"), user, unit=organizer)
    partners = match_partners(ex.get("partners") or [])
    # no date read: the publication's stands in, marked unsure; but where the reader saw a
    # day and could not tell its year ("11/10" in an article of 13 March), the officer
    # writes the date herself (the publication's would be neither year)
    ambiguous = (ex.get("doubts") or {}).get("start_date") == "year_ambiguous"
    start = ex.get("start_date") or (None if ambiguous else ex.get("published"))
    kind = ex.get("kind") if ex.get("kind") in Activity.Kind.values else Activity.Kind.OTHER
    title = item.title
    notes = _("Source: the article “%(title)s”") % {"title": item.title}
    if item.published:
        notes += f" ({item.published:%d/%m/%Y})"
    if item.source_url:
        notes += f" {item.source_url}"
    initial = {
        "title": title,
        "kind": kind,
        "format": Activity.Format.ONLINE if kind == "online_event" else Activity.Format.IN_PERSON,
        "start_date": start,
        "end_date": ex.get("end_date") or start,
        "unit": organizer.pk if organizer else None,
        "units": [u.pk for u in units] or ([organizer.pk] if organizer else []),
        "partners": [m.partner.pk for m in partners if m.partner is not None],
        "agreements": [agreement.pk] if agreement else [],
        "places": "\n".join(place_lines(ex)),
        "topics": ex.get("topics") or [],
        "press_links": [item.source_url] if item.source_url else [],
        "notes": notes,
    }
    resources = []
    # the sums the amount selector takes for background (model.amount_probability) come
    # last, unticked
    listed = [(a, False) for a in ex.get("amounts") or []]
    listed += [(a, True) for a in ex.get("amounts_aside") or []]
    for amount, aside in listed:
        quantity = amount.get("quantity") or 1
        unit_value = amount.get("unit_value")
        if unit_value is None:
            unit_value = Decimal(str(amount.get("value"))) / Decimal(quantity)
        resources.append(
            {
                "include": amount.get("direction") in ("given", "received")
                and not is_approximate(amount)
                and not aside,
                "title": _resource_title(amount, ex, item.body),
                "direction": amount.get("direction")
                if amount.get("direction") in ("given", "received")
                else "received",
                "kind": "in_kind" if amount.get("quantity") else "cash",
                "quantity": quantity,
                "unit_value": unit_value,
                "currency": amount.get("currency") or "VND",
                "partner": "",
                "text": amount.get("text") or "",
                "over": is_approximate(amount),
                "aside": aside,
            }
        )
    events = trip_events(item, ex, start=start)
    if events:  # the trip spans its events
        firsts = [e["start_date"] for e in events]
        lasts = [e["end_date"] or e["start_date"] for e in events]
        if start:
            firsts.append(date.fromisoformat(str(start)))
            lasts.append(date.fromisoformat(str(initial["end_date"] or start)))
        initial["start_date"], initial["end_date"] = min(firsts), max(lasts)
    new_partners = [
        {
            "create": True,
            "name_vi": m.name,
            "kind": m.kind,
            "country": m.country,
            "subdivision": m.subdivision,
        }
        for m in partners
        if m.partner is None
    ]
    return {
        "initial": initial,
        "events": events,
        "partners": partners,
        "new_partners": new_partners,
        "resources": resources,
        "agreement": agreement,
        "units": units,
    }


#: the kinds of a trip: an article about one drafts the trip with its events inside
TRIP_KINDS = ("delegation_out", "delegation_in")


def _sentence_around(body: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or line) holding ``body[start:end]``."""
    left = max(body.rfind(". ", 0, start) + 2, body.rfind("\n", 0, start) + 1, 0)
    stops = [i for i in (body.find(". ", end), body.find("\n", end)) if i >= 0]
    return left, min(stops) if stops else len(body)


def trip_events(item: NewsItem, ex: dict, *, start=None) -> list[dict]:
    """The events within a trip read from its article, as rows of the trip's form
    (kind, title, dates): those the reader found in the article's own lines (not its
    page furniture), each dated by the date written nearest to it in its sentence, else
    the trip's start. An article about anything but a trip has none."""
    from .dates import find_dates
    from .documents import segment

    if ex.get("kind") not in TRIP_KINDS:
        return []
    body = item.body or ""
    lines = [ln for ln in segment(body) if ln.role in ("title", "body")]
    reference = item.published or (
        date.fromisoformat(ex["published"]) if ex.get("published") else None
    )
    default = date.fromisoformat(str(start)) if start else None
    rows, seen = [], set()
    for event in ex.get("events") or []:
        label = " ".join((event.get("label") or "").split())
        if event.get("kind") in TRIP_KINDS or len(label) < 4:
            continue
        found = re.search(r"\s+".join(map(re.escape, label.split())), body)
        pos, length = (found.start(), len(found.group(0))) if found else (-1, 0)
        if not any(ln.start <= pos < ln.end for ln in lines):
            continue  # a caption, a teaser or other page furniture
        if fold(label) in seen:
            continue
        seen.add(fold(label))
        left, right = _sentence_around(body, pos, pos + length)
        # a day whose year would only be guessed ("11/10" in an article of 13 March) is
        # not given to the event: the officer dates it
        hits = [h for h in find_dates(body[left:right], published=reference) if not h.guessed]
        at = pos - left  # the nearest date: before the label, inside it or after it
        hit = min(hits, key=lambda h: max(at - h.end, h.start - at - length, 0), default=None)
        first = hit.first if hit else default
        if first is None:
            continue  # no date at all: the officer adds the event if she wants it
        rows.append(
            {
                "kind": event["kind"],
                "title": (label[:1].upper() + label[1:])[:400],
                "start_date": first,
                "end_date": hit.last if hit and hit.last != hit.first else None,
                "places": "",
            }
        )
    return rows


@transaction.atomic
def news_confirm(
    *, item: NewsItem, activity_form, new_partners: list[dict], resources: list[dict], acting_user
):
    """Save the draft activity of a news item, with its places, the new partners
    the officer chose to create and the resources, and link the news item.

    ``activity_form`` is a bound ``ActivityForm``; ``new_partners`` are dicts of
    Partner values (``name_vi``, ``kind``, ``country``, ``subdivision``); ``resources``
    dicts of Resource values, where ``partner`` may be a Partner or the name of a new
    partner. Every record goes through the write path (``core.writing``); everything or
    nothing is saved, and a refusal raises ``RecordRefused``.
    """
    from doingoai.activities.kinds import ActivityKind
    from doingoai.partners.kinds import PartnerKind
    from doingoai.partners.models import Partner
    from doingoai.resources.kinds import ResourceKind

    item = NewsItem.objects.select_for_update().get(pk=item.pk)
    if item.activity_id is not None:
        raise ValidationError(_("This article's activity is already recorded."))
    if not NewsItem.objects.restrict(acting_user, CHANGE).filter(pk=item.pk).exists():
        raise PermissionDenied

    def press_link(activity):
        if item.source_url and item.source_url not in (activity.press_links or []):
            activity.press_links = [*(activity.press_links or []), item.source_url]
            activity.save()

    activity = record_save(
        kind=ActivityKind, acting_user=acting_user, form=activity_form, also=press_link
    ).obj

    created_partners: dict[str, Partner] = {}
    owner = acting_user.unit or activity.unit
    for values in new_partners:
        partner = Partner.objects.filter(
            name_vi=values["name_vi"], country=values.get("country") or ""
        ).first()
        if partner is None:
            partner = record_save(
                kind=PartnerKind,
                acting_user=acting_user,
                data={**values, "unit": owner.pk, "confirm_different": True},
            ).obj
        created_partners[values["name_vi"]] = partner
        activity.partners.add(partner)
        for event in activity.events.all():  # the trip's events share its partners
            event.partners.add(partner)

    agreement = activity.agreements.order_by("pk").first()
    made = []
    for values in resources:
        values = dict(values)
        partner = values.pop("partner", None)
        if isinstance(partner, str):
            partner = created_partners.get(partner)
        made.append(
            record_save(
                kind=ResourceKind,
                acting_user=acting_user,
                data={
                    **values,
                    "unit": activity.unit_id,
                    "activity": activity.pk,
                    "agreement": agreement.pk if agreement else None,
                    "partner": partner.pk if partner else None,
                    "date": activity.start_date,
                    "stage": "disbursed",
                },
            ).obj
        )

    item.activity = activity
    item.status = NewsItem.Status.CONFIRMED
    item.save()
    audit(
        user=acting_user,
        action="news_confirm",
        record=item,
        message=activity.title,
        activity=activity.pk,
        partners=[p.pk for p in created_partners.values()],
        resources=[r.pk for r in made],
    )
    return activity


@transaction.atomic
def news_write(*, activity, title: str, body: str, acting_user) -> NewsItem:
    """Save an article written from an activity as a news item (status written)."""
    from doingoai.activities.models import Activity

    if not Activity.objects.restrict(acting_user, CHANGE).filter(pk=activity.pk).exists():
        raise PermissionDenied
    body = _normalize(body)
    if not body:
        raise ValidationError(_("The article is empty."))
    fingerprint = fingerprint_of(body)
    item = NewsItem.objects.filter(unit=activity.unit, fingerprint=fingerprint).first()
    if item is not None:
        return item
    item = NewsItem(
        title=(title or activity.title)[:500],
        body=body,
        unit=activity.unit,
        activity=activity,
        status=NewsItem.Status.WRITTEN,
        extraction=extract(body, title=title or None).to_json(),
    )
    item.save()
    audit(
        user=acting_user, action="news_write", record=item, message=item.title, activity=activity.pk
    )
    return item
