"""Actions on resources beyond editing: importing exchange rates and refreshing the
VND/USD equivalents they give. Keyword-only, one transaction, audited."""

from __future__ import annotations

import csv
import datetime as dt
import io

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from doingoai.core.bulk import bulk_work, records_changed
from doingoai.core.models import audit
from doingoai.core.numbers import NumberError, parse_number

from . import money
from .models import ExchangeRate, Resource

HEADER_WORDS = {"currency", "tiente", "ma", "code"}


def parse_date(text: str) -> dt.date:
    text = (text or "").strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(text)


def read_rates_csv(text: str) -> list[tuple[int, dict]]:
    """Rows of a rates CSV (``currency,date,vnd_per_unit[,source]``) as (line, values).

    Every bad line is reported, with its number; nothing is returned if any is bad.
    """
    sample = text[:2048]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    rows, errors = [], []
    for n, cells in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), 1):
        cells = [c.strip() for c in cells]
        if not any(cells):
            continue
        if n == 1 and cells[0].lower().replace(" ", "") in HEADER_WORDS:
            continue
        if len(cells) < 3:
            errors.append(_("Line %(n)d: expected currency, date and rate.") % {"n": n})
            continue
        currency = cells[0].upper()
        if not money.is_currency(currency) or currency == money.VND:
            errors.append(
                _("Line %(n)d: %(msg)s") % {"n": n, "msg": money.currency_error(cells[0])}
            )
            continue
        try:
            date = parse_date(cells[1])
        except ValueError:
            errors.append(
                _("Line %(n)d: “%(value)s” is not a date (dd/mm/yyyy).")
                % {"n": n, "value": cells[1]}
            )
            continue
        try:
            rate = parse_number(cells[2])
        except NumberError as exc:
            errors.append(_("Line %(n)d: %(msg)s") % {"n": n, "msg": exc})
            continue
        if rate <= 0:
            errors.append(
                _("Line %(n)d: “%(value)s” is not a rate greater than zero.")
                % {"n": n, "value": cells[2]}
            )
            continue
        rows.append(
            (
                n,
                {
                    "currency": currency,
                    "date": date,
                    "vnd_per_unit": rate,
                    "source": cells[3][:200] if len(cells) > 3 else "",
                },
            )
        )
    if errors:
        raise ValidationError(errors)
    return rows


@transaction.atomic
def import_rates(*, text: str, acting_user=None, progress=None) -> dict[str, int]:
    """Import a rates CSV whole or not at all; a (currency, date) already there is
    updated. Then the equivalents of the resources the new rates reach are refreshed."""
    rows = read_rates_csv(text)
    with bulk_work():
        return _import_rates(rows, acting_user=acting_user, progress=progress)


def _import_rates(rows, *, acting_user, progress) -> dict[str, int]:
    existing = {
        (c, d): pk
        for pk, c, d in ExchangeRate.objects.filter(
            currency__in={r["currency"] for _n, r in rows}
        ).values_list("pk", "currency", "date")
    }
    created = updated = 0
    since: dict[str, dt.date] = {}
    for i, (_n, values) in enumerate(rows, 1):
        key = (values["currency"], values["date"])
        pk = existing.get(key)
        if pk is None:
            rate = ExchangeRate.objects.create(**values)
            existing[key] = rate.pk
            created += 1
        else:
            rate = ExchangeRate.objects.get(pk=pk)
            if rate.vnd_per_unit != values["vnd_per_unit"] or (
                values["source"] and rate.source != values["source"]
            ):
                rate.vnd_per_unit = values["vnd_per_unit"]
                rate.source = values["source"] or rate.source
                rate.save()
                updated += 1
        c = values["currency"]
        since[c] = min(since.get(c, values["date"]), values["date"])
        if progress:
            progress(i, len(rows), f"{c} {values['date']:%d/%m/%Y}")
    refreshed = refresh_equivalents(since=since) if (created or updated) else 0
    audit(
        user=acting_user,
        action="import_rates",
        created=created,
        updated=updated,
        refreshed=refreshed,
    )
    return {"created": created, "updated": updated, "refreshed": refreshed, "rows": len(rows)}


def equivalents_follow_rate(*, obj, acting_user=None, created: bool = False) -> None:
    """The save step of an exchange rate (``ExchangeRateKind.save_steps``): the VND and
    USD equivalents of the resources it applies to are computed again."""
    refresh_equivalents(since={obj.currency: obj.date})


def refresh_equivalents(*, since: dict[str, dt.date] | None = None) -> int:
    """Recompute VND/USD equivalents of the resources a change of rates may reach.

    ``since`` maps a currency to the first date whose rates changed; a change of
    USD reaches every foreign-currency amount. Returns the number of rows changed.
    """
    qs = Resource.objects.all()
    if since is not None:
        from django.db.models import Q

        cond = Q(pk__in=[])
        for currency, first in since.items():
            if currency == money.USD:
                cond |= Q(date__gte=first)
            else:
                cond |= Q(currency=currency, date__gte=first)
        qs = qs.filter(cond)
    rates = money.RateTable()
    changed = []
    for resource in qs.only(
        "pk",
        "quantity",
        "unit_value",
        "currency",
        "date",
        "amount",
        "amount_vnd",
        "amount_usd",
        "rate_note",
    ).iterator(chunk_size=2000):
        before = (resource.amount_vnd, resource.amount_usd, resource.rate_note)
        resource.fill_equivalents(rates)
        if (resource.amount_vnd, resource.amount_usd, resource.rate_note) != before:
            changed.append(resource)
    # equivalents follow the rates; they are not an edit of the record
    Resource.objects.bulk_update(
        changed, ["amount", "amount_vnd", "amount_usd", "rate_note"], batch_size=1000
    )
    if changed:
        records_changed.send(sender=Resource, ids=[r.pk for r in changed])
    return len(changed)
