"""IATI files as publishers write them (tests/iati_real and ../shared/iati/samples, see
their SOURCES.md): every one imports, only its Việt Nam activities become resources of
the unit (with reversals netted), the others are listed as skipped with the reason, and
importing it again changes nothing.

Each file is parsed once per module and imported into one test database; the expected
figures are computed here from the XML independently of the importer."""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.db.models import Sum

from doingoai.core.models import ExternalRef
from doingoai.iati.importing import import_iati, parse
from doingoai.resources.models import Resource

pytestmark = pytest.mark.django_db

HERE = Path(__file__).parent
SHARED = Path(settings.IATI_DIR) / "samples"
FILES = sorted(HERE.glob("*.xml")) + sorted(SHARED.glob("*.xml"))
RECEIVED = {"1": "disbursed", "2": "committed", "3": "disbursed", "11": "committed"}
RECEIVED["13"] = "pledged"
_TREES: dict[Path, object] = {}


def tree(path: Path):
    """Each file parsed once for the whole module."""
    if path not in _TREES:
        _TREES[path] = parse(path)
    return _TREES[path]


def codes(element, xpath: str) -> set[str]:
    return {(e.get("code") or "").upper() for e in element.findall(xpath)}


def expected(path: Path, country: str = "VN"):
    """(identifiers of the activities for ``country``, their net totals by stage and
    currency, how many resources): read straight from the XML."""
    wanted, totals, count = set(), {}, 0
    for act in tree(path).getroot().findall("iati-activity"):
        on_activity = country in codes(act, "recipient-country")
        for tx in act.findall("transaction"):
            stage = RECEIVED.get(tx.find("transaction-type").get("code") or "")
            if not (on_activity or country in codes(tx, "recipient-country")):
                continue
            wanted.add(act.findtext("iati-identifier").strip())
            value = Decimal(tx.findtext("value").strip()).quantize(
                Decimal("0.01"), rounding=ROUND_HALF_EVEN
            )
            if stage is None or value == 0:
                continue
            currency = (
                tx.find("value").get("currency") or act.get("default-currency") or ""
            ).upper()
            totals[(stage, currency)] = totals.get((stage, currency), Decimal(0)) + value
            count += 1
        if on_activity:
            wanted.add(act.findtext("iati-identifier").strip())
    return wanted, {k: v for k, v in totals.items() if v}, count


def db_totals(unit):
    rows = (
        Resource.objects.filter(unit=unit).values("stage", "currency").annotate(total=Sum("amount"))
    )
    return {(r["stage"], r["currency"]): r["total"] for r in rows if r["total"]}


def imported_activities() -> set[str]:
    keys = ExternalRef.objects.filter(source="iati").values_list("key", flat=True)
    return {key.rsplit("#", 1)[0] for key in keys}


def test_the_test_files_are_there():
    assert len(FILES) >= 17, FILES


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_a_real_file_imports_its_vietnam_activities_once(world, path):
    user = world.user("admin")
    unit = world.central
    wanted, totals, count = expected(path)
    report = import_iati(path, unit=unit, user=user, tree=tree(path))
    assert report.ok, report.all_problems()[:5]
    assert report.committed
    # only the Việt Nam activities, all of them, became resources, with net totals
    assert imported_activities() <= wanted
    assert Resource.objects.filter(unit=unit).count() == count
    assert db_totals(unit) == totals
    assert report.count("created") == count
    # every other activity is listed as skipped, with its reason
    all_ids = {a.identifier for a in report.activities}
    skipped = {a.identifier: a.skipped_reason for a in report.skipped}
    assert set(skipped) == all_ids - wanted
    assert all(reason for reason in skipped.values())
    # reversals are kept as negative resources and listed
    negatives = Resource.objects.filter(unit=unit, amount__lt=0).count()
    assert report.reversal_count() == negatives

    again = import_iati(path, unit=unit, user=user, tree=tree(path))
    assert again.ok and again.count("created") == 0 and again.count("updated") == 0
    assert again.count("unchanged") == count
