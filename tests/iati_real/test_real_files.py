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
from doingoai.partners.models import Partner
from doingoai.resources.models import Resource

pytestmark = pytest.mark.django_db

HERE = Path(__file__).parent
SHARED = Path(settings.IATI_DIR) / "samples"
FILES = sorted(HERE.glob("*.xml")) + sorted(SHARED.glob("*.xml"))
RECEIVED = {"1": "disbursed", "2": "committed", "3": "disbursed", "11": "committed"}
RECEIVED["13"] = "pledged"
_TREES: dict[Path, object] = {}


#: a file with more transactions to import than this is tested on its first activities
#: (and its first reversal) only, to keep the module fast; bench/iati/real_files.py
#: imports the whole files
MAX_RESOURCES = 80


def tree(path: Path):
    """Each file parsed once for the whole module (a large one cut to its start)."""
    if path not in _TREES:
        _TREES[path] = _cut(parse(path))
    return _TREES[path]


def _received(act) -> int:
    return sum(
        1
        for tx in act.findall("transaction")
        if tx.find("transaction-type").get("code") in RECEIVED
    )


def _cut(whole):
    root = whole.getroot()
    acts = root.findall("iati-activity")
    if sum(_received(a) for a in acts) <= MAX_RESOURCES:
        return whole
    negative = [a for a in acts if any(v.text.strip().startswith("-") for v in a.iter("value"))]
    chosen, total = [], 0
    for act in negative[:1] + [a for a in acts if a not in negative[:1]]:
        if total + _received(act) <= MAX_RESOURCES:
            chosen.append(act)
            total += _received(act)
    for act in acts:
        if act not in chosen:
            root.remove(act)
    return whole


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


SYNTHETIC = SHARED / "SYNTHETIC_multilang_multicurrency_2.01.xml"
LAO = HERE / "EXCERPT_undp_Lao_PDR_projects_first2.xml"
KOSOVO = HERE / "EXCERPT_undp_Kosovo_projects_first2.xml"
AIDDATA = HERE / "EXCERPT_aiddata_senegal_aims_first8.xml"


def test_an_organization_known_by_its_ref_only_is_created_to_complete(world):
    report = import_iati(
        SYNTHETIC, unit=world.central, user=world.user("admin"), tree=tree(SYNTHETIC)
    )
    assert report.ok
    # XM-DAC-7 (the Netherlands' ministry) has no narrative: created under its ref
    assert report.partners_to_complete == ["XM-DAC-7"]
    partner = Partner.objects.get(name_vi="XM-DAC-7")
    assert partner.aliases == ["XM-DAC-7"] and "bổ sung tên" in partner.notes
    # the reversal of 250,000,000 VND is a negative line and nets the disbursements
    assert any(
        "-250.000.000" in line or "-250,000,000" in line for line in report.activities[0].reversals
    )
    vnd = Resource.objects.filter(unit=world.central, currency="VND", stage="disbursed")
    assert vnd.aggregate(total=Sum("amount"))["total"] == Decimal("1000000000")
    # the Mekong activity (LA, KH) is skipped with its countries named
    mekong = next(a for a in report.activities if a.identifier.endswith("MEKONG-002"))
    assert "LA" in mekong.skipped_reason and "KH" in mekong.skipped_reason


def test_the_command_line_chooses_countries_and_lists_the_skipped(world, capsys):
    from django.core.management import call_command

    call_command("import_iati", str(LAO), "--unit", world.central.code, "--as", "admin")
    out = capsys.readouterr()
    assert "Skipped (2 activities):" in out.out
    assert "dành cho LA (Lào)" in out.out  # for LA (Laos)
    assert "2 hoạt động: nhập 0, bỏ qua 2 (không liên quan đến VN)" in out.out
    assert "Import IATI" in out.err  # progress
    assert not Resource.objects.exists()

    call_command(
        "import_iati", str(LAO), "--unit", world.central.code, "--as", "admin", "--country", "LA"
    )
    out = capsys.readouterr().out
    assert "2 hoạt động: nhập 2, bỏ qua 0" in out
    assert Resource.objects.filter(unit=world.central).count() == 5


def test_a_country_off_the_codelist_is_refused_and_kosovo_is_not(world, settings):
    user = world.user("admin")
    report = import_iati(KOSOVO, unit=world.central, user=user, countries=["QQ"])
    assert not report.ok and "QQ" in report.all_problems()[0]
    # the union's own IATI identifier among the organizations: imported whatever the country
    settings.IATI_ORG_IDS = ["XM-DAC-41114"]
    report = import_iati(KOSOVO, unit=world.central, user=user, tree=tree(KOSOVO))
    assert report.ok, report.all_problems()
    assert len(report.imported) == 2 and report.count("created") > 0
    # UNDP is international: a UN agency, its country not taken from Kosovo
    undp = Partner.objects.get(
        pk=ExternalRef.objects.get(source="iati-org", key="XM-DAC-41114").object_id
    )
    assert undp.kind == "un_agency" and undp.country == "VN"


def test_sub_cent_values_are_rounded_with_a_warning(world, tmp_path):
    # AidData's first activity gives no country: say it is Senegal's and import Senegal
    text = AIDDATA.read_text(encoding="utf-8")
    first = "<iati-identifier>US-501c3-522318905-SG-87274001</iati-identifier>"
    located = tmp_path / "aiddata.xml"
    located.write_text(
        text.replace(first, first + '<recipient-country code="SN"/>'), encoding="utf-8"
    )
    report = import_iati(located, unit=world.central, user=world.user("admin"), countries=["SN"])
    assert report.ok, report.all_problems()
    assert len(report.imported) == 2  # the one made Senegalese and the one that is
    # 685819.59392 USD is kept as 685819.59, and said
    assert any("685819.59392" in w and "685819.59" in w for w in report.all_warnings())
    assert Resource.objects.filter(amount=Decimal("685819.59")).exists()
    assert "SN" in report.summary() and "cảnh báo" in report.summary()


def test_a_real_error_names_the_activity_the_element_and_the_line(world, tmp_path):
    broken = tmp_path / "broken.xml"
    text = SYNTHETIC.read_text(encoding="utf-8")
    good = '"2023-06-30">1250000000<'
    assert text.count(good) == 1
    broken.write_text(text.replace(good, '"2023-06-30">1.250.000.000 VND<'), encoding="utf-8")
    rows = text.splitlines()
    line = next(i for i, row in enumerate(rows, 1) if good in row)
    start = max(i for i, row in enumerate(rows[:line], 1) if "<transaction>" in row)
    report = import_iati(broken, unit=world.central, user=world.user("admin"))
    assert not report.ok and not Resource.objects.exists()
    (problem,) = report.all_problems()
    assert "AA-AAA-123456789-SYN-VN-001:" in problem
    assert "value" in problem and "1.250.000.000 VND" in problem
    assert f"{start}, " in problem  # the line of the transaction element
