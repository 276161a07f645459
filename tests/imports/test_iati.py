"""IATI in: a 2.03 activities file written from the standard's documentation becomes
partners and received resources of a unit, with the right totals, once."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db.models import Sum

from doingoai.core.models import ExternalRef
from doingoai.iati.importing import import_iati
from doingoai.partners.models import Partner
from doingoai.resources.models import Resource

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data"
IATI_FILE = DATA / "iati-activities-daklak.xml"
SCHEMA = Path(settings.IATI_DIR) / "schemas" / "iati-activities-schema.xsd"

#: stage, currency -> total of the file's transactions of types 1, 2, 3 and 13
EXPECTED = {
    ("committed", "USD"): Decimal("580000"),
    ("disbursed", "USD"): Decimal("350000"),
    ("disbursed", "AUD"): Decimal("300000"),
    ("disbursed", "VND"): Decimal("1250000000"),
    ("pledged", "AUD"): Decimal("50000"),
}


@pytest.fixture
def un_women(world):
    """UN Women is already in the directory (added by the central union)."""
    return Partner.objects.create(
        name_vi="Cơ quan Liên Hợp Quốc về Bình đẳng giới và Trao quyền cho phụ nữ",
        name_en="United Nations Entity for Gender Equality and the Empowerment of Women",
        acronym="UN Women",
        kind=Partner.Kind.UN_AGENCY,
        country="VN",
        unit=world.central,
    )


def totals(unit):
    rows = (
        Resource.objects.filter(unit=unit, direction="received")
        .values("stage", "currency")
        .annotate(total=Sum("amount"))
    )
    return {(r["stage"], r["currency"]): r["total"] for r in rows}


def state():
    return (
        sorted(
            Resource.objects.values_list(
                "pk", "version", "amount", "currency", "date", "stage", "partner_id"
            )
        ),
        sorted(Partner.objects.values_list("pk", "version")),
        ExternalRef.objects.count(),
        Resource.history.count(),
    )


@pytest.mark.skipif(not SCHEMA.exists(), reason="IATI schemas (shared/iati) not beside the repo")
def test_the_test_file_is_valid_iati_203():
    import xmlschema

    schema = xmlschema.XMLSchema(str(SCHEMA))
    errors = [f"{e.path}: {e.reason}" for e in schema.iter_errors(str(IATI_FILE))]
    assert errors == []


def test_iati_file_imports_with_the_right_totals_once(world, un_women, capsys):
    daklak = world.daklak
    partners_before = Partner.objects.count()
    call_command("import_iati", str(IATI_FILE), "--unit", daklak.code, "--as", "daklak")
    out = capsys.readouterr()
    assert "KR-GOV-010-VNM-2023-001: 3 new, 0 updated, 0 unchanged, 1 skipped" in out.out
    assert "XM-DAC-41146-VNM-WEE-2024: 4 new" in out.out
    assert "Import IATI" in out.err  # progress on stderr

    assert totals(daklak) == EXPECTED
    assert Resource.objects.filter(unit=daklak).count() == 7
    # KOICA and DFAT are new partners; UN Women is found by its acronym
    assert Partner.objects.count() == partners_before + 2
    koica = Partner.objects.get(name_en="Korea International Cooperation Agency")
    assert koica.aliases == ["KR-GOV-010"]
    assert koica.name_vi == "Cơ quan Hợp tác Quốc tế Hàn Quốc (KOICA)"
    assert koica.name_en == "Korea International Cooperation Agency"
    assert koica.kind == Partner.Kind.DONOR and koica.country == "KR"
    dfat = Partner.objects.get(name_en="Department of Foreign Affairs and Trade, Australia")
    assert dfat.country == "AU"
    assert ExternalRef.objects.get(source="iati-org", key="XM-DAC-41146").object_id == un_women.pk
    # the funder of each transaction: the provider, else the funding organization
    assert set(
        Resource.objects.filter(notes__startswith="IATI KR-GOV-010").values_list(
            "partner", flat=True
        )
    ) == {koica.pk}
    incoming = Resource.objects.get(notes__startswith="IATI XM-DAC-41146-VNM-WEE-2024, #1")
    assert incoming.partner == dfat and incoming.stage == "disbursed"
    assert str(incoming.date) == "2024-01-20" and incoming.currency == "AUD"

    before = state()
    call_command("import_iati", str(IATI_FILE), "--unit", "Đắk Lắk", "--as", "daklak")
    assert "0 resources new, 0 updated, 7 unchanged" in capsys.readouterr().out
    assert state() == before


def test_a_corrected_file_updates_the_resources_it_describes(world, tmp_path):
    user = world.user("daklak")
    import_iati(IATI_FILE, unit=world.daklak, user=user)
    corrected = tmp_path / "corrected.xml"
    corrected.write_text(
        IATI_FILE.read_text(encoding="utf-8").replace(
            '<value value-date="2024-02-10">150000.00</value>',
            '<value value-date="2024-02-12">160000.00</value>',
        ),
        encoding="utf-8",
    )
    report = import_iati(corrected, unit=world.daklak, user=user)
    assert report.ok and report.count("updated") == 1 and report.count("created") == 0
    assert totals(world.daklak)[("disbursed", "USD")] == Decimal("360000")


def test_problems_are_reported_per_activity_and_nothing_is_half_imported(world, tmp_path):
    user = world.user("daklak")
    broken = tmp_path / "broken.xml"
    broken.write_text(
        IATI_FILE.read_text(encoding="utf-8").replace(
            '<value currency="USD" value-date="2024-02-01">80000</value>',
            '<value currency="XYZ" value-date="2024-02-01">80000</value>',
        ),
        encoding="utf-8",
    )
    before = (Resource.objects.count(), Partner.objects.count(), ExternalRef.objects.count())
    report = import_iati(broken, unit=world.daklak, user=user)
    assert not report.ok and not report.committed
    problems = report.all_problems()
    assert len(problems) == 1
    assert problems[0].startswith("Activity XM-DAC-41146-VNM-WEE-2024:")
    assert "transaction 2" in problems[0] and "XYZ" in problems[0]
    # the first activity was fine, but the file lands whole or not at all
    assert (
        Resource.objects.count(),
        Partner.objects.count(),
        ExternalRef.objects.count(),
    ) == before
    with pytest.raises(CommandError, match="nothing imported"):
        call_command(
            "import_iati", str(broken), "--unit", world.daklak.code, "--as", "daklak", "--quiet"
        )


def test_scope_and_bad_files(world, tmp_path):
    with pytest.raises(CommandError, match="may not add"):
        call_command(
            "import_iati", str(IATI_FILE), "--unit", world.daklak.code, "--as", "hanoi", "--quiet"
        )
    report = import_iati(IATI_FILE, unit=world.hanoi, user=world.user("daklak"))
    assert not report.ok and "outside your scope" in report.all_problems()[0]
    assert not Resource.objects.filter(unit=world.hanoi).exists()
    not_xml = tmp_path / "x.xml"
    not_xml.write_text("<iati-activities version='2.03'><iati-activity>", encoding="utf-8")
    assert (
        "not readable XML"
        in import_iati(not_xml, unit=world.daklak, user=world.user("daklak")).all_problems()[0]
    )
    with pytest.raises(CommandError, match="No unit matches"):
        call_command("import_iati", str(IATI_FILE), "--unit", "không có", "--quiet")
