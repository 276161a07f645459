"""The demo data: every fact of the two articles as records with the articles' figures,
marked sample data around them, and loading twice changes nothing; the dashboard and the
reports on it give the figures the records imply (one module: the demo is loaded once)."""

import datetime as dt
import io
import shutil
import subprocess
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db.models import Sum
from django.urls import reverse
from docx import Document
from tests.conftest import records_for_the_module
from tests.texts import pdf_text

from doingoai.activities.models import Activity, ActivityPlace, DelegationMember
from doingoai.agreements.models import Agreement, Review
from doingoai.core.registry import REGISTRY
from doingoai.iati.export import export_iati, validate
from doingoai.organization import services as org
from doingoai.organization.models import Term, Unit
from doingoai.overseas.models import OverseasOrganization
from doingoai.partners.models import Partner
from doingoai.reports.documents import render_unit_report
from doingoai.reports.figures import unit_figures
from doingoai.reports.periods import make_period
from doingoai.resources.models import Resource

#: every record kind's model (the demo of each app: partners, agreements, activities,
#: overseas organizations ...) and the parts of records a kind holds inside
MODELS = sorted(
    {kind.model for kind in REGISTRY.values()} | {ActivityPlace, DelegationMember},
    key=lambda m: m.__name__,
)


def _load(world):
    call_command("load_demo", "--quiet-users", stdout=open("/dev/null", "w"))


_demo = records_for_the_module(_load)  # loaded once for the module's tests


@pytest.fixture
def demo(_demo, world):
    return world


def _state():
    return {m.__name__: sorted(m._default_manager.values_list("pk", "version")) for m in MODELS} | {
        f"history {m.__name__}": m.history.count() for m in MODELS
    }


def test_article_000_partners_agreement_trip(demo):
    daklak = org.province("Đắk Lắk")
    unions = Partner.objects.filter(
        country="LA", kind="womens_union", subdivision__in=["LA-AT", "LA-XE", "LA-SL", "LA-CH"]
    )
    assert sorted(unions.values_list("subdivision", flat=True)) == [
        "LA-AT",
        "LA-CH",
        "LA-SL",
        "LA-XE",
    ]
    champasak = unions.get(subdivision="LA-CH")
    assert "champasak" in champasak.search_text and "cham pa sac" in champasak.search_text
    assert Partner.objects.filter(name_vi="Hiệp hội Doanh nghiệp các tỉnh Nam Lào").exists()

    agreement = Agreement.objects.get(title="Thỏa thuận hợp tác vì hòa bình phát triển")
    assert agreement.unit == daklak
    assert (agreement.start_date.year, agreement.end_date.year) == (2022, 2027)
    assert set(agreement.partners.all()) == set(unions)

    trip = Activity.objects.get(
        kind="delegation_out", unit=daklak, parent=None, title__contains="4 tỉnh Nam Lào"
    )
    assert (trip.start_date, trip.end_date) == (dt.date(2024, 6, 25), dt.date(2024, 7, 1))
    assert "năm 2024" in trip.notes
    assert sorted(trip.places.values_list("subdivision", flat=True)) == [
        "LA-AT",
        "LA-CH",
        "LA-SL",
        "LA-XE",
    ]
    events = {a.kind: a for a in trip.events.all()}
    for kind in ("review_meeting", "workshop", "exhibition", "ceremony", "aid_handover"):
        assert kind in events, kind
    assert list(events["workshop"].places.values_list("subdivision", flat=True)) == ["LA-CH"]
    assert "bình đẳng giới" in events["workshop"].title
    assert trip.events.filter(title__contains="Hiệp hội Doanh nghiệp").exists()
    assert trip.events.filter(title__contains="Lễ buộc chỉ cổ tay").exists()

    review = agreement.reviews.get(kind=Review.Kind.MID_TERM)
    assert events["review_meeting"].review == review
    assert review.held_date == events["review_meeting"].start_date

    gift = Resource.objects.get(title__contains="máy may", unit=daklak)
    assert (gift.direction, gift.quantity, gift.unit_value) == (
        "given",
        Decimal(4),
        Decimal(10_000_000),
    )
    assert gift.amount == Decimal(40_000_000) and gift.currency == "VND"
    assert gift.amount_vnd == Decimal(40_000_000)
    assert gift.agreement == agreement and gift.activity.parent == trip


def test_article_004_conference_directions_and_aid(demo):
    central = org.central_unit()
    conference = Activity.objects.get(
        unit=central, kind="conference", start_date=dt.date(2022, 4, 28)
    )
    assert "XIII" in conference.title
    term = Term.objects.get(number=13)
    assert "ít nhất 01 sự kiện" in term.directions
    assert "phụ nữ Việt Nam ở nước ngoài" in term.directions
    xii = Term.objects.get(number=12)
    aid = Resource.objects.filter(
        unit=central, direction="received", date__gte=xii.start_date, date__lte=xii.end_date
    )
    assert aid.count() == 83
    total = aid.aggregate(s=Sum("amount_usd"))["s"]
    assert Decimal(9_000_000) < total < Decimal(9_100_000)
    assert not aid.filter(amount_vnd__isnull=True).exists()
    assert set(aid.values_list("currency", flat=True)) >= {"USD", "EUR", "JPY", "KRW", "AUD"}


def test_sample_data_is_marked_and_covers_provinces_and_terms(demo):
    samples = Activity.objects.filter(notes__contains="[Dữ liệu mẫu]")
    assert samples.exists()
    assert Activity.objects.filter(unit=org.province("Hà Nội")).exists()
    phu_yen = Unit.objects.get(area_name="Phú Yên", valid_to__isnull=False)
    assert Activity.objects.filter(unit=phu_yen, start_date__year=2023).exists()
    assert set(Activity.objects.values_list("kind", flat=True)) == set(Activity.Kind.values)
    assert Activity.objects.filter(start_date__year__lt=2022).exists()  # term XII
    for model in (Partner, Agreement, Resource):
        assert model.objects.filter(notes__contains="[Dữ liệu mẫu]").exists(), model


def test_loading_twice_changes_nothing(demo):
    before = _state()
    call_command("load_demo", "--quiet-users", stdout=open("/dev/null", "w"))
    assert _state() == before
    # the overseas organizations' demo (after the trip it names) made its two once
    assert before["OverseasOrganization"] and OverseasOrganization.objects.count() == 2
    assert all("[Dữ liệu mẫu]" in o.notes for o in OverseasOrganization.objects.all())


def test_shared_demo_records_quote_nothing_a_reader_may_not_see(demo):
    """Partners are read by every province: their demo texts must not quote the title of
    a record (a news item, an activity) another province may not read."""
    from django.db import models as m

    from doingoai.core.registry import REGISTRY
    from doingoai.core.scope import SharedDirectory, UnitOwned

    def texts(obj):
        return " ".join(
            str(getattr(obj, f.name) or "")
            for f in obj._meta.fields
            if isinstance(f, (m.CharField, m.TextField)) and f.name != "search_text"
        )

    shared = [
        k.model for k in REGISTRY.values() if isinstance(k.model.scope_policy, SharedDirectory)
    ]
    owned = [k.model for k in REGISTRY.values() if isinstance(k.model.scope_policy, UnitOwned)]
    leaks = []
    for username in ("hanoi", "daklak"):
        user = demo.user(username)
        hidden = []
        for model in owned:
            visible = model._default_manager.restrict(user, "view").values("pk")
            hidden += [
                str(o) for o in model._default_manager.exclude(pk__in=visible) if len(str(o)) > 25
            ]
        for model in shared:
            for obj in model._default_manager.restrict(user, "view"):
                text = texts(obj)
                leaks += [f"{username}: {obj} quotes «{t}»" for t in hidden if t in text]
    assert leaks == []


# --- the dashboard and the reports on the demo data -----------------------------------


def test_demo_figures_reports_and_iati(demo, login, output_dir):
    w = demo
    # the four sewing machines: 40,000,000 VND given to partners in Laos
    fig = unit_figures(unit=w.daklak, period=make_period(year=2024), user=w.user("daklak"))
    given = {c["country"]: c for c in fig["resources"]["by_country"] if c["direction"] == "given"}
    assert given["LA"]["vnd"] == Decimal(40_000_000)
    assert fig["resources"]["given"]["vnd"] >= Decimal(40_000_000)
    assert fig["activities"]["delegations_out"] >= 1

    # the central union's previous term XII: 83 aid items, just over 9 million USD
    fig = unit_figures(unit=w.central, period=make_period(term="XII"), user=w.user("trunguong"))
    received = fig["resources"]["received"]
    assert received["items"] == 83
    assert Decimal(9_000_000) < received["usd"] < Decimal(9_100_000)
    assert received["no_rate"] == 0

    # the same on the dashboard, and the number links to the 83 rows
    client = login("trunguong")
    response = client.get(reverse("dashboard"), {"unit": w.central.pk, "term": "XII"})
    assert response.status_code == 200
    assert response.context["fig"]["resources"]["received"]["items"] == 83
    list_page = client.get(response.context["fig"]["resources"]["received"]["url"])
    assert list_page.context["table"].paginator.count == 83
    html = response.content.decode()
    assert "9.046.718 USD" in html

    # the Word report holds them
    raw = render_unit_report(
        unit=w.central, period=make_period(term="XII"), user=w.user("trunguong"), fmt="docx"
    )
    (output_dir / "report-central-XII.docx").write_bytes(raw)
    doc = Document(io.BytesIO(raw))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "83 khoản" in text and "9.046.718 USD" in text

    raw = render_unit_report(
        unit=w.daklak,
        period=make_period(year=2024),
        user=w.user("daklak"),
        fmt="docx",
        today=dt.date(2025, 1, 10),
    )
    cells = [
        " | ".join(c.text for c in row.cells)
        for t in Document(io.BytesIO(raw)).tables
        for row in t.rows
    ]
    assert any("Hỗ trợ | Lào | 1 | 40.000.000" in c for c in cells)
    # a province's report never contains another province's records
    assert not any("Hà Nội" in c for c in cells)

    # IATI: validates; the pledge without a partner is listed with its reason
    result = export_iati(user=w.user("admin"))
    (output_dir / "iati-demo.xml").write_bytes(result.xml)
    assert validate(result.xml) == []
    assert len(result.exported) >= 83
    assert any("Thụy Sĩ" in s.title for s in result.skipped)


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="poppler-utils not installed")
def test_demo_daklak_term_report_pages(demo, output_dir):
    """The Đắk Lắk term XIII report on the demo data, every page rendered to PNG under
    test-output/ to be looked at (docs/img holds its first and signature pages): the
    seed trip in the delegation table, the gifts as aid given, the women abroad and the
    protection counts."""
    w = demo
    pdf = render_unit_report(
        unit=w.daklak,
        period=make_period(term="XIII"),
        user=w.user("daklak"),
        fmt="pdf",
        today=dt.date(2025, 11, 1),
    )
    path = output_dir / "report-daklak-XIII-demo.pdf"
    path.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "70", "-png", str(path), str(output_dir / "report-daklak-XIII-demo")],
        check=True,
    )
    text = pdf_text(path)
    assert "Danh sách đoàn ra, đoàn vào" in text and "25/06/2024" in text
    assert "CÔNG TÁC VỚI PHỤ NỮ VIỆT NAM Ở NƯỚC NGOÀI" in text
    assert "< 5" in text and "Hư cấu" not in text
    assert "TM. BAN THƯỜNG VỤ" in text.split("\f")[-2]
