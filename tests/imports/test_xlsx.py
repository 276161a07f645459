"""Spreadsheet import: templates, good files, files with errors, re-imports, scope, the
upload page and the command line."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import load_workbook

from doingoai.agreements.models import Agreement
from doingoai.core.models import ExternalRef
from doingoai.imports.spreadsheet import (
    DATA_SHEET,
    EXAMPLE_REF,
    LISTS_SHEET,
    NOTES_SHEET,
    REF_HEADER,
    build_template,
    import_workbook,
)
from doingoai.partners.models import Partner

from .helpers import workbook

pytestmark = pytest.mark.django_db

KINDS = ["partners", "agreements", "activities", "resources", "overseas"]

AGREEMENT_HEADERS = [
    REF_HEADER,
    "Tên văn bản",
    "Loại văn bản",
    "Các bên Việt Nam",
    "Các bên đối tác",
    "Ngày ký",
    "Ngày bắt đầu",
    "Ngày kết thúc",
    "Lĩnh vực hợp tác",
]


@pytest.fixture
def lao_unions(world):
    """Two partners of the shared directory, as the seed article names them."""
    made = []
    for name_vi, name_en, sub, aliases in [
        (
            "Hội Liên hiệp Phụ nữ tỉnh Chămpasăk",
            "Lao Women's Union of Champasak Province",
            "LA-CH",
            ["Chăm-pa-sắc"],
        ),
        (
            "Hội Liên hiệp Phụ nữ tỉnh Attapeu",
            "Lao Women's Union of Attapeu Province",
            "LA-AT",
            ["Át-ta-pư"],
        ),
    ]:
        made.append(
            Partner.objects.create(
                name_vi=name_vi,
                name_en=name_en,
                acronym="",
                aliases=aliases,
                kind=Partner.Kind.WOMENS_UNION,
                country="LA",
                subdivision=sub,
                unit=world.daklak,
            )
        )
    return made


def agreement_rows():
    """Six good rows (spreadsheet rows 2..7), written the ways officers write them."""
    return [
        [
            "TT-01",
            "Thỏa thuận hợp tác vì hòa bình phát triển 2022–2027",
            "Cooperation agreement",
            "Đắk Lắk",
            "Hội LHPN tỉnh Chămpasăk; Lao Women's Union of Attapeu Province",
            dt.datetime(2022, 6, 20),
            "01/07/2022",
            "30/06/2027",
            "bình đẳng giới; phát triển kinh tế",
        ],
        [
            "TT-02",
            "Biên bản ghi nhớ về phòng chống mua bán người",
            "memorandum",
            "66",
            "hoi lien hiep phu nu tinh champasak",
            "15/03/2023",
            "15/03/2023",
            "14/03/2026",
            "phòng chống mua bán người",
        ],
        [
            "TT-03",
            "Chương trình giao lưu hữu nghị phụ nữ biên giới",
            "Friendship programme",
            "Hội LHPN tỉnh Đắk Lắk",
            "Chăm-pa-sắc",
            "2023-09-01",
            "2023-09-01",
            "2025-08-31",
            "giao lưu văn hóa",
        ],
        [
            "TT-04",
            "Dự án sinh kế cho phụ nữ nghèo",
            "Project document",
            "Dak Lak",
            "Át-ta-pư",
            "10/01/2024",
            "10/01/2024",
            "31/12/2025",
            "sinh kế",
        ],
        [
            "TT-05",
            "Thỏa thuận trao đổi đoàn hằng năm",
            "",
            "",
            "Lao Women's Union of Attapeu Province; Hội Liên hiệp Phụ nữ tỉnh Attapeu",
            "05/05/2024",
            "05/05/2024",
            "",
            "",
        ],
        [
            "TT-06",
            "Ghi nhớ hợp tác đào tạo cán bộ Hội",
            "memorandum",
            "Đắk Lắk",
            "Hội Liên hiệp Phụ nữ tỉnh Attapeu",
            "",
            "",
            "",
            "đào tạo",
        ],
    ]


def test_templates_have_headers_lists_notes_and_example(world):
    user = world.user("daklak")
    for kind in KINDS:
        book = load_workbook(io.BytesIO(build_template(kind, user=user)))
        assert book.sheetnames == [DATA_SHEET, NOTES_SHEET, LISTS_SHEET]
        data = book[DATA_SHEET]
        headers = [c.value for c in data[1]]
        assert headers[0] == f"{REF_HEADER} *"
        assert all(c.font.bold for c in data[1])
        assert data.cell(row=2, column=1).value == EXAMPLE_REF
        assert data.data_validations.dataValidation, kind  # drop-down lists
        assert book[LISTS_SHEET].sheet_state == "hidden"
        notes = [c.value for row in book[NOTES_SHEET].iter_rows() for c in row if c.value]
        assert any("Mã tham chiếu" in str(v) for v in notes)
        # the template as downloaded imports cleanly: the example row is skipped
        report = import_workbook(kind, build_template(kind, user=user), user=user)
        assert report.ok, [str(p) for p in report.all_problems()]
        assert report.counts["skip"] == 1 and report.counts["create"] == 0


def test_good_partner_file_lands_whole(world):
    user = world.user("daklak")
    data = workbook(
        [
            REF_HEADER,
            "Tên tiếng Việt *",
            "Tên tiếng Anh",
            "Tên viết tắt",
            "Tên gọi khác",
            "Loại đối tác",
            "Quốc gia",
            "Tỉnh/bang",
            "Thành phố",
            "Quan hệ từ ngày",
        ],
        [
            [
                "DT-1",
                "Hội Liên hiệp Phụ nữ tỉnh Sê Kông",
                "Lao Women's Union of Sekong",
                "",
                "Xê Kông; Sekong",
                "Foreign women's union",
                "Lào",
                "Xekong",
                "",
                "12/04/2015",
            ],
            [
                "DT-2",
                "Hội Doanh nghiệp các tỉnh Nam Lào",
                "Southern Lao Business Association",
                "",
                "",
                "business",
                "LA",
                "",
                "Pakse",
                "",
            ],
            [
                "DT-3",
                "Cơ quan Liên Hợp Quốc về Bình đẳng giới",
                "UN Women",
                "UN Women",
                "",
                "UN agency",
                "Viet Nam",
                "",
                "Hà Nội",
                "",
            ],
        ],
    )
    before = Partner.objects.count()
    report = import_workbook("partners", data, user=user)
    assert report.ok, [str(p) for p in report.all_problems()]
    assert report.committed and report.counts["create"] == 3
    assert Partner.objects.count() == before + 3
    sekong = Partner.objects.get(name_en="Lao Women's Union of Sekong")
    assert sekong.subdivision == "LA-XE" and sekong.aliases == ["Xê Kông", "Sekong"]
    assert sekong.unit == world.daklak
    assert sekong.relationship_since == dt.date(2015, 4, 12)
    un_women = Partner.objects.get(acronym="UN Women")
    assert un_women.kind == Partner.Kind.UN_AGENCY and un_women.country == "VN"
    assert ExternalRef.objects.filter(key__in=["DT-1", "DT-2", "DT-3"]).count() == 3


def test_partner_already_in_the_directory_is_not_duplicated(world, lao_unions):
    """A partner another unit added is matched by name, not created a second time."""
    hanoi_editor = world.user("hanoi")
    hanoi_editor.role = "editor"
    hanoi_editor.save()
    data = workbook(
        [REF_HEADER, "Tên tiếng Việt", "Loại đối tác", "Quốc gia"],
        [["HN-1", "Hoi Lien hiep Phu nu tinh Champasak", "womens_union", "LA"]],
    )
    before = Partner.objects.count()
    report = import_workbook("partners", data, user=hanoi_editor)
    assert report.ok and report.counts["unchanged"] == 1
    assert Partner.objects.count() == before


def test_good_agreement_file_lands_whole(world, lao_unions):
    user = world.user("daklak")
    champasak, attapeu = lao_unions
    report = import_workbook("agreements", workbook(AGREEMENT_HEADERS, agreement_rows()), user=user)
    assert report.ok, [str(p) for p in report.all_problems()]
    assert report.counts["create"] == 6
    first = Agreement.objects.get(title__startswith="Thỏa thuận hợp tác vì hòa bình")
    assert set(first.partners.all()) == {champasak, attapeu}
    assert list(first.units.all()) == [world.daklak]
    assert first.signed_date == dt.date(2022, 6, 20)
    assert first.end_date == dt.date(2027, 6, 30)
    assert first.areas == ["bình đẳng giới", "phát triển kinh tế"]
    assert first.unit == world.daklak
    memo = Agreement.objects.get(title__startswith="Biên bản ghi nhớ về phòng chống")
    assert memo.kind == Agreement.Kind.MEMORANDUM
    assert list(memo.units.all()) == [world.daklak]  # by code "66"
    assert list(Agreement.objects.get(title__startswith="Dự án sinh kế").partners.all()) == [
        attapeu
    ]  # by alias, without its diacritics
    # a blank "Các bên Việt Nam" takes the importing officer's unit, as the add page does
    assert list(Agreement.objects.get(title__startswith="Thỏa thuận trao đổi").units.all()) == [
        world.daklak
    ]


def test_errors_in_rows_3_and_7_are_all_reported_and_nothing_lands(world, lao_unions):
    user = world.user("daklak")
    rows = agreement_rows()
    rows[1][7] = "01/01/2020"  # row 3: ends before it starts
    rows[5][4] = "Hội Phụ nữ không có trong danh bạ"  # row 7: unknown partner
    before = (Agreement.objects.count(), ExternalRef.objects.count())
    report = import_workbook("agreements", workbook(AGREEMENT_HEADERS, rows), user=user)
    assert not report.ok and not report.committed
    problems = report.all_problems()
    assert [(p.row, p.column) for p in problems] == [(3, "Ngày kết thúc"), (7, "Các bên đối tác")]
    text = [str(p) for p in problems]
    assert "row 3" in text[0] and "Ngày kết thúc" in text[0] and "01/01/2020" in text[0]
    assert "row 7" in text[1] and "Hội Phụ nữ không có trong danh bạ" in text[1]
    assert (Agreement.objects.count(), ExternalRef.objects.count()) == before


def test_cell_problems_name_row_and_column(world, lao_unions):
    user = world.user("daklak")
    rows = agreement_rows()[:3]
    rows[0][5] = "32/13/2022"  # not a date
    rows[1][2] = "hiệp ước"  # not a kind
    rows[2][0] = "TT-01"  # the same reference twice
    report = import_workbook("agreements", workbook(AGREEMENT_HEADERS, rows), user=user)
    located = {(p.row, p.column) for p in report.all_problems()}
    assert located == {(2, "Ngày ký"), (3, "Loại văn bản"), (4, REF_HEADER)}
    missing = import_workbook(
        "agreements", workbook([REF_HEADER, "Tên văn bản"], [["X", "Y"]]), user=user
    )
    assert [(p.row, p.column) for p in missing.all_problems()] == [(1, "Các bên đối tác")]


def test_importing_twice_changes_nothing_and_a_changed_row_updates(world, lao_unions):
    user = world.user("daklak")
    data = workbook(AGREEMENT_HEADERS, agreement_rows())
    assert import_workbook("agreements", data, user=user).counts["create"] == 6
    state = sorted(Agreement.objects.values_list("pk", "version", "title", "end_date"))
    history = Agreement.history.count()
    again = import_workbook("agreements", data, user=user)
    assert again.ok and again.counts == {"create": 0, "update": 0, "unchanged": 6, "skip": 0}
    assert sorted(Agreement.objects.values_list("pk", "version", "title", "end_date")) == state
    assert Agreement.history.count() == history
    rows = agreement_rows()
    rows[3][7] = "31/12/2026"  # the project was extended
    third = import_workbook("agreements", workbook(AGREEMENT_HEADERS, rows), user=user)
    assert third.counts == {"create": 0, "update": 1, "unchanged": 5, "skip": 0}
    project = Agreement.objects.get(title__startswith="Dự án sinh kế")
    assert project.end_date == dt.date(2026, 12, 31) and project.version == 2


def test_an_officer_cannot_import_into_another_province(world, lao_unions):
    user = world.user("daklak")
    rows = agreement_rows()[:2]
    rows[1][3] = "Hà Nội"
    report = import_workbook("agreements", workbook(AGREEMENT_HEADERS, rows), user=user)
    assert [(p.row, p.column) for p in report.all_problems()] == [(3, "Các bên Việt Nam")]
    # a unit she may not see is answered as a missing one (its existence is not told)
    assert "was not found" in str(report.all_problems()[0])
    assert not Agreement.objects.filter(title__startswith="Thỏa thuận hợp tác vì hòa").exists()


def test_an_out_of_scope_record_reads_exactly_as_a_missing_one(world, lao_unions):
    """Another province's agreement and an agreement that does not exist get the same
    message: the import does not reveal what exists outside the officer's scope."""
    from doingoai.core.samples import make

    hanoi_agreement = make("agreements", world.hanoi, title="Thỏa thuận bí mật của Hà Nội")
    headers = [REF_HEADER, "Tên hoạt động", "Loại hoạt động", "Ngày bắt đầu", "Thỏa thuận"]

    def problem(agreement_title):
        rows = [["HD-9", "Hội thảo", "workshop", "27/06/2024", agreement_title]]
        report = import_workbook("activities", workbook(headers, rows), user=world.user("daklak"))
        problems = report.all_problems()
        assert [(p.row, p.column) for p in problems] == [(2, "Thỏa thuận")]
        return str(problems[0]).replace(agreement_title, "…")

    assert problem(hanoi_agreement.title) == problem("Thỏa thuận không hề có")
    assert "was not found" in problem(hanoi_agreement.title)


def test_activities_and_resources_import(world, lao_unions):
    from doingoai.activities.models import Activity
    from doingoai.resources.models import Resource

    user = world.user("daklak")
    import_workbook("agreements", workbook(AGREEMENT_HEADERS, agreement_rows()), user=user)
    activities = workbook(
        [
            REF_HEADER,
            "Tên hoạt động",
            "Loại hoạt động",
            "Hình thức",
            "Ngày bắt đầu",
            "Ngày kết thúc",
            "Đối tác",
            "Thỏa thuận",
            "Địa điểm",
            "Thành viên đoàn",
            "Số người tham dự",
            "Trong đó nữ",
        ],
        [
            [
                "HD-1",
                "Đoàn công tác thăm 4 tỉnh Nam Lào",
                "Delegation abroad",
                "In person",
                "25/06/2024",
                "01/07/2024",
                "Hội LHPN tỉnh Chămpasăk; Át-ta-pư",
                "TT-01",
                "Lào, Chămpasăk, Pakse; Lào, Attapeu",
                "Nguyễn Thị A, Chủ tịch, Hội LHPN tỉnh Đắk Lắk; Trần Thị B, Phó Chủ tịch",
                12,
                11,
            ],
            [
                "HD-2",
                "Hội thảo bình đẳng giới",
                "workshop",
                "",
                "27/06/2024",
                "",
                "Chăm-pa-sắc",
                "",
                "LA, LA-CH",
                "",
                "40",
                "35",
            ],
        ],
    )
    report = import_workbook("activities", activities, user=user)
    assert report.ok, [str(p) for p in report.all_problems()]
    trip = Activity.objects.get(title="Đoàn công tác thăm 4 tỉnh Nam Lào")
    assert [(p.country, p.subdivision, p.city) for p in trip.places.all()] == [
        ("LA", "LA-CH", "Pakse"),
        ("LA", "LA-AT", ""),
    ]
    assert trip.members.count() == 2 and trip.participants_women == 11
    assert list(trip.agreements.values_list("title", flat=True)) == [
        "Thỏa thuận hợp tác vì hòa bình phát triển 2022–2027"
    ]
    assert import_workbook("activities", activities, user=user).counts["unchanged"] == 2

    resources = workbook(
        [
            REF_HEADER,
            "Tên khoản",
            "Chiều",
            "Loại",
            "Số lượng",
            "Đơn giá",
            "Tiền tệ",
            "Ngày",
            "Giai đoạn",
            "Đối tác",
            "Hoạt động",
        ],
        [
            [
                "NL-1",
                "Máy may tặng phụ nữ nghèo",
                "Given to a partner",
                "In kind",
                4,
                "10.000.000",
                "",
                "28/06/2024",
                "Disbursed",
                "Chăm-pa-sắc",
                "HD-1",
            ],
            [
                "NL-2",
                "Tài trợ hội thảo",
                "received",
                "cash",
                "",
                2500,
                "usd",
                "27/06/2024",
                "committed",
                "Át-ta-pư",
                "Hội thảo bình đẳng giới",
            ],
        ],
    )
    report = import_workbook("resources", resources, user=user)
    assert report.ok, [str(p) for p in report.all_problems()]
    machines = Resource.objects.get(title="Máy may tặng phụ nữ nghèo")
    assert machines.amount == 40_000_000 and machines.currency == "VND"
    assert machines.activity == trip and machines.direction == "given"
    grant = Resource.objects.get(title="Tài trợ hội thảo")
    assert grant.quantity == 1 and grant.currency == "USD" and grant.stage == "committed"
    assert import_workbook("resources", resources, user=user).counts["unchanged"] == 2


# --------------------------------------------------------------------------- pages


def test_upload_page_preview_then_confirm(world, lao_unions, login):
    client = login("daklak")
    list_page = client.get(reverse("agreements_list"))
    assert reverse("import_upload", kwargs={"kind": "agreements"}).encode() in list_page.content
    url = reverse("import_upload", kwargs={"kind": "agreements"})
    assert client.get(url).status_code == 200
    template = client.get(reverse("import_template", kwargs={"kind": "agreements"}))
    assert template.status_code == 200
    assert load_workbook(io.BytesIO(template.content)).sheetnames[0] == DATA_SHEET

    upload = io.BytesIO(workbook(AGREEMENT_HEADERS, agreement_rows()))
    upload.name = "thoa-thuan.xlsx"
    preview = client.post(url, {"file": upload})
    assert preview.status_code == 200
    html = preview.content.decode()
    assert "Dự án sinh kế cho phụ nữ nghèo" in html and "30/06/2027" in html
    assert not Agreement.objects.filter(title__startswith="Dự án sinh kế").exists()
    token = preview.context["token"]
    assert token and 'name="token"' in html

    done = client.post(reverse("import_confirm", kwargs={"kind": "agreements"}), {"token": token})
    assert done.status_code == 302 and done.url == reverse("agreements_list")
    assert Agreement.objects.filter(title__startswith="Dự án sinh kế").count() == 1
    # the token is spent: confirming twice imports nothing more
    again = client.post(reverse("import_confirm", kwargs={"kind": "agreements"}), {"token": token})
    assert again.status_code == 302
    assert Agreement.objects.filter(title__startswith="Dự án sinh kế").count() == 1


def test_upload_page_lists_problems_and_offers_no_confirmation(world, lao_unions, login):
    client = login("daklak")
    rows = agreement_rows()
    rows[1][7] = "01/01/2020"
    upload = io.BytesIO(workbook(AGREEMENT_HEADERS, rows))
    upload.name = "loi.xlsx"
    page = client.post(reverse("import_upload", kwargs={"kind": "agreements"}), {"file": upload})
    html = page.content.decode()
    assert page.status_code == 200 and page.context["token"] is None
    assert "Ngày kết thúc" in html and 'id="import-problems"' in html
    assert 'name="token"' not in html
    bad = io.BytesIO(b"not a spreadsheet")
    bad.name = "x.xlsx"
    page = client.post(reverse("import_upload", kwargs={"kind": "agreements"}), {"file": bad})
    assert page.status_code == 200 and page.context["form"].errors


def test_viewers_and_strangers_cannot_import(world, login, client):
    url = reverse("import_upload", kwargs={"kind": "agreements"})
    assert client.get(url).status_code == 302  # to the login page
    viewer = login("hanoi")
    assert viewer.get(url).status_code == 403
    assert viewer.get(reverse("import_template", kwargs={"kind": "agreements"})).status_code == 403
    assert viewer.get(reverse("import_upload", kwargs={"kind": "units"})).status_code == 404


# --------------------------------------------------------------------------- command line


def test_command_line_dry_run_then_import(world, lao_unions, tmp_path, capsys):
    path = workbook(AGREEMENT_HEADERS, agreement_rows(), path=tmp_path / "tt.xlsx")
    call_command("import_xlsx", "agreements", str(path), "--as", "daklak", "--dry-run")
    out = capsys.readouterr()
    assert "6 new" in out.out and "preview only" in out.out
    assert "Import agreements" in out.err  # progress on stderr
    assert not Agreement.objects.filter(title__startswith="Dự án sinh kế").exists()
    call_command("import_xlsx", "agreements", str(path), "--as", "daklak")
    assert "6 new" in capsys.readouterr().out
    assert Agreement.objects.filter(title__startswith="Dự án sinh kế").count() == 1
    call_command("import_xlsx", "agreements", str(path), "--as", "daklak")
    assert "6 unchanged" in capsys.readouterr().out


def test_command_line_reports_problems_and_fails(world, lao_unions, tmp_path, capsys):
    rows = agreement_rows()
    rows[1][7] = "01/01/2020"
    path = workbook(AGREEMENT_HEADERS, rows, path=tmp_path / "tt.xlsx")
    with pytest.raises(CommandError, match="nothing imported"):
        call_command("import_xlsx", "agreements", str(path), "--as", "daklak", "--quiet")
    assert "row 3" in capsys.readouterr().err
    with pytest.raises(CommandError, match="may not add"):
        call_command("import_xlsx", "agreements", str(path), "--as", "hanoi", "--quiet")
    with pytest.raises(CommandError, match="unknown kind"):
        call_command("import_xlsx", "units", str(path))


def test_problem_reads_in_vietnamese():
    from django.utils import translation

    from doingoai.imports.spreadsheet import Problem

    with translation.override("vi"):
        text = str(Problem("trước ngày bắt đầu", row=14, column="Ngày kết thúc"))
    if text.startswith("Sheet"):
        pytest.skip("the Vietnamese catalogue is not compiled yet")
    assert text == "Trang “Dữ liệu”, dòng 14, cột “Ngày kết thúc”: trước ngày bắt đầu"


def test_import_index_lists_the_kinds(world, login):
    page = login("daklak").get(reverse("import_index"))
    assert page.status_code == 200
    for kind in KINDS:
        assert reverse("import_template", kwargs={"kind": kind}).encode() in page.content
