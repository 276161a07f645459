"""Tests of the pure-Python news reader: no database, no Django."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from doingoai.news.amounts import find_amounts, parse_number
from doingoai.news.dates import find_dates, parse_dateline
from doingoai.news.documents import read_archive, read_document, segment
from doingoai.news.extraction import JSON_KEYS, KINDS, extract
from doingoai.news.gazetteer import find_places, match_place
from doingoai.news.scoring import load_corpus, read_article, score

CORPUS = Path(__file__).parent / "corpus"
SEED_TRIP = CORPUS / "000_daklak_nam_lao.txt"
SEED_CONFERENCE = CORPUS / "004_doi_ngoai_nhiem_ky_xiii.txt"


# --- dates -------------------------------------------------------------------------

PUB = date(2024, 7, 3)


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("Từ ngày 25/6 đến 1/7,đoàn", date(2024, 6, 25), date(2024, 7, 1)),
        ("từ 25-27/6 tại", date(2024, 6, 25), date(2024, 6, 27)),
        ("Ngày 28/4, tại Hội nghị", date(2024, 4, 28), date(2024, 4, 28)),
        ("ngày 28/04/2022", date(2022, 4, 28), date(2022, 4, 28)),
        ("ngày 5 tháng 3 năm 2023", date(2023, 3, 5), date(2023, 3, 5)),
        ("từ ngày 5 đến ngày 7 tháng 3 năm 2023", date(2023, 3, 5), date(2023, 3, 7)),
        ("Từ ngày 10 đến ngày 12/5/2023", date(2023, 5, 10), date(2023, 5, 12)),
        # issue 18: the nearest year, up to three months ahead (an announcement)
        ("trong 2 ngày 15 và 16/8", date(2024, 8, 15), date(2024, 8, 16)),
        ("trong 2 ngày 15 và 16/11", date(2023, 11, 15), date(2023, 11, 16)),
        ("Từ ngày 15 đến 19-9", date(2024, 9, 15), date(2024, 9, 19)),
        ("ngày 20-11-2023", date(2023, 11, 20), date(2023, 11, 20)),
        ("từ 30/12 đến 2/1", date(2023, 12, 30), date(2024, 1, 2)),
        ("trong tháng 6/2023", date(2023, 6, 1), date(2023, 6, 30)),
        ("tháng 6 năm 2023", date(2023, 6, 1), date(2023, 6, 30)),
    ],
)
def test_dates(text, first, last):
    hits = find_dates(text, PUB)
    assert [(h.first, h.last) for h in hits] == [(first, last)]


def test_date_after_publication_goes_to_previous_year():
    (hit,) = find_dates("ngày 28/12", date(2024, 1, 3))
    assert hit.first == date(2023, 12, 28)


def test_not_dates():
    assert find_dates("Nghị quyết số 12/NQ giai đoạn 2022 – 2027", PUB) == []


def test_month_only_precision():
    (hit,) = find_dates("tháng 10/2023", PUB)
    assert hit.precision == "month"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("H.Y 28/04/2022 - 22:04 (GMT+7)", date(2022, 4, 28)),
        ("Thứ Năm, 28/04/2022 22:04", date(2022, 4, 28)),
        ("28/11/2023", date(2023, 11, 28)),
        ("Ngày 28/04/2022, Hội LHPN tỉnh tổ chức hội nghị tổng kết công tác", None),
    ],
)
def test_dateline(line, expected):
    assert parse_dateline(line) == expected


# --- amounts -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("2,5 tỷ đồng", "2500000000", "VND"),
        ("500.000.000 đồng", "500000000", "VND"),
        ("50.000 USD", "50000", "USD"),
        ("50,000 USD", "50000", "USD"),
        ("1,2 triệu euro", "1200000", "EUR"),
        ("30 nghìn đô la Mỹ", "30000", "USD"),
        ("300 triệu VNĐ", "300000000", "VND"),
        ("1 tỷ 200 triệu đồng", "1200000000", "VND"),
        ("100.000 bạt", "100000", "THB"),
        ("50.000 nhân dân tệ", "50000", "CNY"),
    ],
)
def test_amount_forms(text, value, currency):
    (amount,) = find_amounts(text)
    assert amount.value == Decimal(value)
    assert amount.currency == currency


def test_amount_quantity_times_unit_value():
    text = (
        "Hội LHPN tỉnh Đắk Lắk đã tặng 4 bộ máy may, máy vắt sổ "
        "(trị giá 10 triệu đồng/máy) cho phụ nữ nghèo."
    )
    (amount,) = find_amounts(text)
    assert (amount.value, amount.quantity, amount.unit_value) == (
        Decimal(40_000_000),
        4,
        Decimal(10_000_000),
    )


def test_amount_each_and_total_counted_once():
    text = "Trao 100 suất học bổng. Mỗi suất trị giá 2 triệu đồng, tổng trị giá 200 triệu đồng."
    (amount,) = find_amounts(text)
    assert (amount.value, amount.quantity) == (Decimal(200_000_000), 100)


def test_amount_over_and_equivalent():
    (amount,) = find_amounts("83 khoản viện trợ và hơn 9 triệu USD.")
    assert amount.over and amount.value == Decimal(9_000_000)
    amounts = find_amounts("dự án trị giá 150.000 USD (tương đương khoảng 3,5 tỷ đồng)")
    assert [a.currency for a in amounts] == ["USD"]


def test_amount_rate_is_not_a_quantity():
    (amount,) = find_amounts("tài trợ trung tâm 5 triệu đồng/tháng")
    assert amount.quantity is None and amount.value == Decimal(5_000_000)


def test_parse_number():
    assert parse_number("1.500") == Decimal(1500)
    assert parse_number("2,5") == Decimal("2.5")
    assert parse_number("1.5", with_multiplier=True) == Decimal("1.5")


@pytest.mark.parametrize(
    ("sentence", "direction"),
    [
        (
            "Hội LHPN tỉnh Hà Tĩnh đã trao tặng Hội LHPN tỉnh Bôlykhămxay (Lào) 500 triệu đồng.",
            "given",
        ),
        ("Hội LHPN tỉnh Quảng Ngãi tiếp nhận 2,5 tỷ đồng do KOICA tài trợ.", "received"),
        ("UN Women cam kết hỗ trợ 1,2 triệu USD cho Hội LHPN Việt Nam.", "received"),
        ("Tổng nguồn lực huy động quốc tế lên đến hơn 9 triệu USD.", "received"),
    ],
)
def test_amount_direction(sentence, direction):
    (amount,) = extract(sentence, title="Tin hoạt động đối ngoại của Hội").amounts
    assert amount.direction == direction


# --- gazetteer -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Chăm-pa-sắc", "LA-CH"),
        ("Chămpasăk", "LA-CH"),
        ("Champasak", "LA-CH"),
        ("CHAMPASAK", "LA-CH"),
        ("Sê Kông", "LA-XE"),
        ("Xekong", "LA-XE"),
        ("Sekong", "LA-XE"),
        ("Attapeu", "LA-AT"),
        ("Salavan", "LA-SL"),
        ("Saravane", "LA-SL"),
        ("Xiêng Khoảng", "LA-XI"),
        ("Hủa Phăn", "LA-HO"),
        ("Bôlykhămxay", "LA-BL"),
        ("Luông Pha Băng", "LA-LP"),
        ("Phnôm Pênh", "KH-12"),
        ("Svay Rieng", "KH-20"),
        ("Xiêm Riệp", "KH-17"),
        ("Nakhon Phanom", "TH-48"),
        ("Quảng Tây", "CN-GX"),
        ("Osaka", "JP-27"),
        ("Lào", "LA"),
        ("Nước Cộng hoà Dân chủ Nhân dân Lào", "LA"),
        ("Campuchia", "KH"),
        ("Hàn Quốc", "KR"),
        ("Nhật Bản", "JP"),
        ("Trung Quốc", "CN"),
        ("Hoa Kỳ", "US"),
        ("Mỹ", "US"),
        ("Thái Lan", "TH"),
        ("Úc", "AU"),
        ("Ô-xtrây-li-a", "AU"),
        ("Đắk Lắk", "66"),
        ("Đắc Lắc", "66"),
        ("dak lak", "66"),
        ("Tỉnh Đắk Lắk", "66"),
        ("TP.HCM", "79"),
        ("TP Hồ Chí Minh", "79"),
        ("Thành phố Hà Nội", "01"),
    ],
)
def test_match_place(name, code):
    match = match_place(name)
    assert match is not None
    if code is not None:
        assert match.code == code


def test_legacy_province():
    match = match_place("Quảng Bình")
    assert match.kind == "vn_province" and match.legacy
    assert match_place("Kiên Giang").legacy
    assert not match_place("An Giang").legacy


def test_find_places_in_text():
    text = (
        "Hội LHPN các tỉnh Attapeu, Sê Kông, Salavan, Chămpasăk (4 tỉnh Nam Lào) – "
        "vì hòa bình phát triển; bà Minh Trang, Vân Anh"
    )
    codes = [h.match.code for h in find_places(text)]
    assert codes == ["LA-AT", "LA-XE", "LA-SL", "LA-CH", "LA"]


def test_ambiguous_country_names_need_context():
    assert [h.match.code for h in find_places("Bà Minh Đức, chị Lan Anh")] == []
    assert [h.match.code for h in find_places("sang thăm nước Đức và Anh Quốc")] == ["DE", "GB"]


# --- documents -----------------------------------------------------------------------


def test_segment_drops_furniture():
    doc = read_document(SEED_CONFERENCE)
    assert doc.title.startswith("Nâng cao vị thế")
    assert doc.published == date(2022, 4, 28)
    for junk in (
        "Ý kiến của bạn",
        "Nội dung bắt buộc",
        "Xem thêm",
        "Đọc thêm",
        "Mới cập nhật",
        "Xã hội\n",
        "Ảnh: Minh Trang",
        "bình luận",
    ):
        assert junk not in doc.body_text
    doc = read_document(SEED_TRIP)
    assert "Ảnh:" not in doc.body_text and "Vân Anh" not in doc.body_text
    assert "Ý kiến bạn đọc" not in doc.body_text
    assert doc.body_text.startswith("Từ ngày 25/6")


def test_segment_keeps_offsets():
    text = SEED_CONFERENCE.read_text(encoding="utf-8")
    for line in segment(text):
        assert text[line.start : line.end] == line.text


HTML = """<html><head><title>Site</title>
<meta property="article:published_time" content="2023-08-19T09:30:00+07:00"></head><body>
<nav class="menu"><li>Xã hội</li></nav><article><h1>Hội LHPN tỉnh A tiếp đoàn Lào</h1>
<p>Chiều 18/8, Hội LHPN tỉnh Thanh Hóa đã tiếp đoàn Hội LHPN tỉnh Hủa Phăn (Lào).</p>
<figure><figcaption>Ảnh: X</figcaption></figure><script>bad()</script>
<p class="author">Hải Yến</p></article>
<div class="comment-box"><p>Ý kiến bạn đọc</p><form><textarea></textarea></form></div>
</body></html>"""


def test_read_html():
    doc = read_document(HTML.encode(), "a.html")
    assert doc.title == "Hội LHPN tỉnh A tiếp đoàn Lào"
    assert doc.published == date(2023, 8, 19)
    assert doc.body_text == (
        "Chiều 18/8, Hội LHPN tỉnh Thanh Hóa đã tiếp đoàn Hội LHPN tỉnh Hủa Phăn (Lào)."
    )


def _docx_bytes(title: str, paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    document.add_heading(title, level=1)
    for para in paragraphs:
        document.add_paragraph(para)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.fixture()
def docx_article() -> tuple[bytes, dict]:
    """The Kiên Giang article of the corpus as a Word file, with its label."""
    source = CORPUS / "021_kiengiang_kampot_truc_tuyen.txt"
    lines = [ln for ln in source.read_text(encoding="utf-8").splitlines() if ln.strip()]
    label = json.loads(source.with_suffix(".json").read_text(encoding="utf-8"))
    return _docx_bytes(lines[0], lines[1:]), label


def test_read_docx(docx_article):
    data, label = docx_article
    doc = read_document(data, "bai.docx")
    assert doc.title == label["title"]
    assert "Ngọc Hân" not in doc.body_text
    result = extract(
        doc.body_text, title=doc.title, published=date.fromisoformat(label["_published"])
    ).to_json()
    for key in ("kind", "start_date", "units", "partners", "countries"):
        assert result[key] == label[key], key


def test_read_archive(tmp_path, docx_article):
    data, _ = docx_article
    archive = tmp_path / "news.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("a/bai1.txt", SEED_TRIP.read_text(encoding="utf-8"))
        zf.writestr("a/bai2.docx", data)
        zf.writestr("a/bai3.html", HTML)
        zf.writestr("a/anh.jpg", b"\xff\xd8")
    docs = list(read_archive(archive))
    assert [d.filename for d in docs] == ["a/bai1.txt", "a/bai2.docx", "a/bai3.html"]
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "x.txt").write_text(
        "Tiêu đề bài viết về hoạt động đối ngoại\nNội dung.", encoding="utf-8"
    )
    (folder / "y.pdf").write_bytes(b"%PDF")
    assert [d.title for d in read_archive(folder)] == ["Tiêu đề bài viết về hoạt động đối ngoại"]
    with pytest.raises(ValueError, match="unsupported"):
        read_document(b"%PDF", "y.pdf")


# --- extraction ----------------------------------------------------------------------


def test_seed_trip_exact():
    text = SEED_TRIP.read_text(encoding="utf-8")
    result = extract(text, published=date(2024, 7, 3))
    data = result.to_json()
    assert data["kind"] == "delegation_out"
    assert (data["start_date"], data["end_date"]) == ("2024-06-25", "2024-07-01")
    assert data["countries"] == ["LA"]
    assert result.subdivisions == ["LA-AT", "LA-XE", "LA-SL", "LA-CH"]
    assert [
        (a["value"], a["currency"], a["direction"], a["quantity"], a["unit_value"])
        for a in data["amounts"]
    ] == [(40000000, "VND", "given", 4, 10000000)]
    assert data["agreement"] == "Thỏa thuận hợp tác vì hòa bình phát triển"
    kinds = {e.kind for e in result.events}
    assert {"review_meeting", "workshop", "exhibition", "ceremony", "aid_handover"} <= kinds
    workshop = next(e for e in result.events if e.kind == "workshop")
    assert workshop.place == "Chămpasăk"


def test_seed_conference_exact():
    text = SEED_CONFERENCE.read_text(encoding="utf-8")
    data = extract(text).to_json()
    assert data["kind"] == "conference"
    assert data["published"] == "2022-04-28"
    assert (data["start_date"], data["end_date"]) == ("2022-04-28", "2022-04-28")
    assert data["countries"] == []
    assert data["amounts"] == [
        {
            "value": 9000000,
            "currency": "USD",
            "direction": "received",
            "text": "hơn 9 triệu USD",
            "quantity": None,
            "unit_value": None,
            "over": True,
        }
    ]


def _html_bytes(title: str, published: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<html><body><article><h1>{title}</h1><p>H.Y {published} - 22:04 (GMT+7)</p>"
        f"{body}</article></body></html>"
    ).encode()


@pytest.mark.parametrize("suffix", [".html", ".docx"])
def test_title_given_apart_keeps_date_in_first_body_line(suffix):
    """Regression: with the title passed separately, the body's first line (which
    quotes the title in 004) was taken for the title and its date was skipped."""
    raw = SEED_CONFERENCE.read_text(encoding="utf-8")
    plain = read_document(raw.encode(), "a.txt")
    paragraphs = plain.body_text.split("\n")
    assert paragraphs[0].startswith("Ngày 28/4,")
    if suffix == ".html":
        data = _html_bytes(plain.title, "28/04/2022", paragraphs)
    else:
        data = _docx_bytes(plain.title, paragraphs)
    doc = read_document(data, "bai" + suffix)
    assert doc.title == plain.title and doc.body_text.startswith("Ngày 28/4,")
    result = extract(doc.body_text, title=doc.title, published=date(2022, 4, 28))
    assert (result.start_date, result.end_date) == (date(2022, 4, 28), date(2022, 4, 28))
    date_span = next(s for s in result.spans if s[0] == "start_date")
    assert doc.body_text[date_span[1] : date_span[2]] == "Ngày 28/4"
    assert result.kind == extract(raw).kind == "conference"


@pytest.mark.parametrize(
    "title",
    [
        "Nâng cao vị thế, mở rộng ảnh hưởng của tổ chức Hội trong quan hệ đối ngoại",
        "Nâng cao vị thế, mở rộng ảnh hưởng của tổ chức Hội trong quan hệ đối ngoại - Báo PNVN",
    ],
)
def test_title_given_and_in_text(title):
    """The same title given and written as the text's first line is read once."""
    raw = SEED_CONFERENCE.read_text(encoding="utf-8")
    result = extract(raw, title=title)
    assert result.title == title
    assert result.start_date == date(2022, 4, 28)
    assert all(start >= 0 for _, start, _ in result.spans)


@pytest.mark.parametrize(
    "first_line",
    [
        "Ngày 12/5, Hội LHPN tỉnh tổ chức tọa đàm “Phụ nữ khởi nghiệp vùng biên giới”.",
        "Ngày 12/5 bàn về: Phụ nữ khởi nghiệp vùng biên giới",
    ],
)
def test_body_line_quoting_the_given_title_is_body(first_line):
    """A first line that quotes the given title is still body, and so is its date."""
    title = "Phụ nữ khởi nghiệp vùng biên giới"
    body = first_line + "\nCác đại biểu đã chia sẻ kinh nghiệm khởi nghiệp."
    result = extract(body, title=title, published=date(2024, 5, 20))
    assert result.start_date == date(2024, 5, 12)
    _, start, end = next(s for s in result.spans if s[0] == "start_date")
    assert body[start:end] == "Ngày 12/5"


def test_to_json_keys_and_spans():
    text = SEED_TRIP.read_text(encoding="utf-8")
    result = extract(text, published=date(2024, 7, 3))
    data = result.to_json()
    assert set(JSON_KEYS) <= set(data)
    assert data["kind"] in KINDS
    json.dumps(data)  # serialisable
    fields = {name for name, _, _ in result.spans}
    assert {"start_date", "units", "partners", "places", "amounts", "agreement"} <= fields
    for name, start, end in result.spans:
        assert 0 <= start < end <= len(text)
        if name == "places":
            assert text[start:end] in result.places
    date_span = next(s for s in result.spans if s[0] == "start_date")
    assert text[date_span[1] : date_span[2]] == "Từ ngày 25/6 đến 1/7"


def test_furniture_is_not_read():
    text = "Tiêu đề: hội nghị đối ngoại của Hội LHPN tỉnh\nẢnh: Hội LHPN tỉnh Quảng Trị cung cấp."
    assert extract(text).units == []


def test_empty_text():
    data = extract("").to_json()
    assert data["kind"] == "other" and data["units"] == [] and data["start_date"] is None


# --- corpus -----------------------------------------------------------------------------

# Floors just below what the reader reaches on the corpus (see scoring.py):
# (precision, recall) per field; every other field is exact today.
DEFAULT_FLOOR = (0.97, 0.97)
#: kind: the classifier trained on real articles (doingoai.news.model.kind_probabilities)
#: reads 003's project received at a ceremony as "other", as the real corpus's labellers
#: would ("ceremony" for project launches); this corpus labelled it "aid_handover"
FLOORS = {"countries": (0.90, 0.97), "kind": (0.96, 0.96)}
#: This corpus was written for the reader and labels places the old way (countries and
#: provinces inside organisation names among them). Issue 18 adopted the convention of
#: the real corpus (bench/news/corpus/README.md, "places": below country level, with
#: their administrative word, not inside names): places are measured there, and
#: test_places_are_below_country_level checks the convention.
NOT_SCORED_HERE = {"places"}


def test_corpus_is_complete():
    pairs = load_corpus(CORPUS)
    assert len(pairs) >= 18
    suffixes = {src.suffix for src, _ in pairs}
    assert {".txt", ".html"} <= suffixes
    for _, label in pairs:
        assert set(JSON_KEYS) <= set(label)


def test_places_are_below_country_level():
    text = (
        "Đoàn Hội LHPN tỉnh Attapeu (Lào) thăm Campuchia\n"
        "Ngày 2/5/2024, tại thủ đô Phnom Penh, Campuchia, đoàn đã làm việc với Bộ các "
        "vấn đề phụ nữ Campuchia; sau đó đoàn đến tỉnh Xiêm Riệp."
    )
    result = extract(text)
    # countries are their own field; a province inside a name is not where it happened
    assert result.places == ["thủ đô Phnom Penh", "tỉnh Xiêm Riệp"]
    assert "KH" in result.countries


def test_a_date_without_its_year_is_left_for_the_officer():
    text = "Hội LHPN tỉnh Quảng Trị tiếp đoàn Hội LHPN tỉnh Salavan\nNgày 2/5, đoàn đã đến."
    result = extract(text)  # no year in the text, no dateline, no publication date
    assert result.start_date is None and result.end_date is None
    assert result.doubts["start_date"] == "year_missing" and "2/5" in result.date_without_year
    assert any(name == "date_without_year" for name, _, _ in result.spans)
    # with the publication date, the year is known
    assert extract(text, published=date(2023, 6, 1)).start_date == date(2023, 5, 2)


def test_a_day_far_from_the_publication_in_another_year_is_left_for_the_officer():
    # bench/news/corpus/fresh26/1224: "11/10" in an article of 13 March 2019 was read as
    # 11 October 2018, a year written nowhere
    text = "Hội LHPN tỉnh Quảng Trị tiếp đoàn Hội LHPN tỉnh Salavan\nNgày 11/10, đoàn đã đến."
    result = extract(text, published=date(2019, 3, 13))  # 153 days back, or 212 ahead
    assert result.start_date is None and result.end_date is None
    assert result.doubts["start_date"] == "year_ambiguous" and "11/10" in result.date_without_year
    assert any(name == "date_without_year" for name, _, _ in result.spans)
    # within three months across the year's end, or in the publication's own year: read
    assert extract(text, published=date(2019, 11, 1)).start_date == date(2019, 10, 11)
    late = text.replace("11/10", "28/12")
    assert extract(late, published=date(2019, 1, 3)).start_date == date(2018, 12, 28)
    assert extract(late, published=date(2019, 5, 10)).start_date is None
    # a range is read the same way
    span = text.replace("Ngày 11/10", "Từ ngày 10 đến 12/10")
    assert extract(span, published=date(2019, 3, 13)).doubts["start_date"] == "year_ambiguous"


def test_corpus_precision_recall():
    report = score(CORPUS)
    low = {
        f: (round(v["precision"], 3), round(v["recall"], 3))
        for f, v in report["fields"].items()
        if f not in NOT_SCORED_HERE
        and (
            v["precision"] < FLOORS.get(f, DEFAULT_FLOOR)[0]
            or v["recall"] < FLOORS.get(f, DEFAULT_FLOOR)[1]
        )
    }
    assert not low, (low, report["mistakes"])


@pytest.mark.parametrize("name", ["000_daklak_nam_lao.txt", "004_doi_ngoai_nhiem_ky_xiii.txt"])
def test_seed_articles_match_labels(name):
    source = CORPUS / name
    label = json.loads(source.with_suffix(".json").read_text(encoding="utf-8"))
    data = read_article(source, label)
    for key in ("kind", "start_date", "end_date", "countries"):
        assert data[key] == label[key], key
    assert [(a["value"], a["currency"], a["direction"]) for a in data["amounts"]] == [
        (a["value"], a["currency"], a["direction"]) for a in label["amounts"]
    ]


def test_the_cambodian_union_for_peace_and_development_is_named_whole():
    text = (
        "Hội LHPN tỉnh Tây Ninh làm việc với Hội Phụ nữ Campuchia vì Hòa bình và Phát triển\n"
        "Ngày 2/5/2024, Hội LHPN tỉnh Tây Ninh đã làm việc với Hội Phụ nữ Campuchia vì Hòa "
        "bình và Phát triển và Đại sứ quán Việt Nam tại Campuchia."
    )
    result = extract(text)
    assert "Hội Phụ nữ Campuchia vì Hòa bình và Phát triển" in result.partners
    # "vì Hòa bình" is not the province of Hòa Bình; the Vietnamese embassy is our side
    assert not any("Hòa Bình" in p or "Hoà Bình" in p for p in result.places)
    assert not any("Việt Nam tại" in p for p in result.partners)


def test_units_as_the_press_writes_them():
    """Issue 18, units: the central union with its "Trung ương"/"TW" as written, an
    inserted "(LHPN)" dropped, "Hội LHPNVN", a list of provinces one unit each (a
    centrally-run city as "TP"), district units with a capitalised level word."""
    text = (
        "Hội nghị tổng kết dự án\n"
        "Ngày 2/5/2024, Trung ương Hội Liên hiệp Phụ nữ (LHPN) Việt Nam tổ chức hội nghị. "
        "Tham gia có Hội LHPN 3 tỉnh, thành tham gia dự án: Hà Nội, Hải Dương, Bến Tre. "
        "Hội LHPN Thị xã Hòa Thành và Hội Liên hiệp Phụ nữ (LHPN) huyện Tràng Định cùng dự."
    )
    assert extract(text).units == [
        "Trung ương Hội Liên hiệp Phụ nữ Việt Nam",
        "Hội LHPN TP Hà Nội",
        "Hội LHPN tỉnh Hải Dương",
        "Hội LHPN tỉnh Bến Tre",
        "Hội LHPN Thị xã Hòa Thành",
        "Hội Liên hiệp Phụ nữ huyện Tràng Định",
    ]
    assert extract("Ngày 2/5/2024, TW Hội LHPNVN đã hợp tác với KOICA.").units == ["TW Hội LHPNVN"]
    listed = extract("Ngày 2/5/2024, Hội LHPN 7 tỉnh Quảng Ninh, Cao Bằng, Lạng Sơn đã dự.")
    assert listed.units == [
        "Hội LHPN tỉnh Quảng Ninh",
        "Hội LHPN tỉnh Cao Bằng",
        "Hội LHPN tỉnh Lạng Sơn",
    ]


def test_overseas_associations_are_neither_units_nor_partners():
    text = (
        "Ngày 2/5/2024, Hội LHPN Việt Nam phối hợp với Hội Phụ nữ Việt Nam tại Hungary và "
        "Hội phụ nữ Việt Nam thành phố Kiev tổ chức tọa đàm."
    )
    result = extract(text)
    assert result.units == ["Hội LHPN Việt Nam"] and result.partners == []
    assert result.overseas == [
        "Hội Phụ nữ Việt Nam tại Hungary",
        "Hội phụ nữ Việt Nam thành phố Kiev",
    ]


def test_places_where_it_happened_below_country_level():
    """Issue 18, places: districts and communes the gazetteer does not know, venues,
    an address written after the place ("xã ..., huyện ..., tỉnh ..."), foreign capitals;
    not a place that ends an organisation's name ("Văn phòng Kocun tại Cần Thơ")."""
    text = (
        "Gặp mặt tại cửa khẩu\n"
        "Ngày 2/5/2024, tại Trạm kiểm soát cửa khẩu quốc tế Xa Mát (xã Tân Lập, huyện Tân "
        "Biên, tỉnh Tây Ninh), Hội LHPN tỉnh Tây Ninh đã gặp mặt Hội Phụ nữ tỉnh Svay Riêng. "
        "Đại diện Văn phòng Kocun tại Cần Thơ cùng dự. Sau đó đoàn sang thủ đô Moskva."
    )
    result = extract(text)
    assert result.places == [
        "Trạm kiểm soát cửa khẩu quốc tế Xa Mát",
        "xã Tân Lập",
        "huyện Tân Biên",
        "tỉnh Tây Ninh",
        "thủ đô Moskva",
    ]
    assert "RU" in result.countries and "KH" in result.countries


def test_partners_as_the_press_writes_them():
    """Issue 18, partners: a ministry with lower-case words before its country, an
    embassy known only by its ambassador, companies named in a foreign language, an
    organisation with its acronym in parentheses (the acronym is used), the Cambodian
    union "vì hòa bình và phát triển" in lower case with its province."""
    text = (
        "Ngày 2/5/2024, Hội LHPN Việt Nam tiếp Bộ các vấn đề phụ nữ Cam-pu-chia và Đại sứ "
        "Cuba tại Việt Nam. Bà Lan ký thỏa thuận với công ty TNHH Procter & Gamble và Nestlé "
        "Việt Nam. Viện Phát triển Phụ nữ Hàn Quốc (KWDI) cùng dự; Hội phụ nữ Campuchia vì "
        "hòa bình và phát triển tỉnh Svay Riêng gửi thư. Đại sứ Việt Nam tại Lào cũng dự."
    )
    assert extract(text).partners == [
        "Bộ các vấn đề phụ nữ Cam-pu-chia",
        "Đại sứ quán Cuba",
        "công ty TNHH Procter & Gamble",
        "Nestlé Việt Nam",
        "KWDI",
        "Hội phụ nữ Campuchia vì hòa bình và phát triển tỉnh Svay Riêng",
    ]


def test_amounts_as_the_labels_count_them():
    """Issue 18, amounts: an equivalent in parentheses is not a second amount, a total
    replaces its parts, a headline's rounded figure is the body's amount, "từ <partner>"
    means received, and with no giver in its sentence an amount takes the lead's."""
    text = (
        "Hàn Quốc hỗ trợ hơn 22 tỷ đồng cho phụ nữ\n"
        "Ngày 23/8/2019, với tổng mức hỗ trợ 1 triệu USD (22,7 tỷ đồng) từ Chính phủ Hàn "
        "Quốc, dự án đã được ký kết giữa Trung ương Hội LHPN Việt Nam và KOICA."
    )
    assert [(a.value, a.currency, a.direction) for a in extract(text).amounts] == [
        (Decimal(1_000_000), "USD", "received")
    ]
    gifts = (
        "Trao quà cho phụ nữ Campuchia\n"
        "Ngày 21/4/2022, Hội LHPN huyện Tân Biên tổ chức trao tặng quà cho phụ nữ tỉnh Svay "
        "Riêng, Campuchia.\n"
        "Tại buổi lễ, Hội đã trao 60 phần quà, mỗi phần quà trị giá 500.000 đồng. Tổng trị "
        "giá quà tặng là 36.800.000 đồng."
    )
    assert [(a.value, a.direction) for a in extract(gifts).amounts] == [
        (Decimal(36_800_000), "given")
    ]


def test_dates_of_real_excerpts():
    """Issue 18, dates: an excerpt that starts with its lead (no headline) keeps the lead's
    dates; an anniversary span is not the activity's date; a day without its year takes
    the year of the dated span of the text that holds it (not an invented one)."""
    lead = (
        "Nhân kỷ niệm 50 năm Quốc khánh nước Cộng hòa Dân chủ Nhân dân Lào (2/12/1975 - "
        "2/12/2025), ngày 26/11, Đoàn đại biểu Trung ương Hội Liên hiệp Phụ nữ Việt Nam đã "
        "đến thăm, chúc mừng Đại sứ quán Lào tại Việt Nam. " * 2
    )
    assert extract(lead, published=date(2025, 11, 26)).start_date == date(2025, 11, 26)
    visit = (
        "Phu nhân Tổng thống Hungary thăm Bảo tàng Phụ nữ Việt Nam\n"
        "Tổng thống Hungary có chuyến thăm cấp Nhà nước tới Việt Nam từ ngày 26 – 30/11/2014. "
        "Trong khuôn khổ chuyến thăm, ngày 28/11, Phu nhân đã thăm Bảo tàng Phụ nữ Việt Nam."
    )
    result = extract(visit)  # no publication date: the year is the text's own
    # (the day is the event's within the visit, as the real corpus labels it: tune/021)
    assert result.start_date == date(2014, 11, 28) and "start_date" not in result.unsure
    only_day = extract(
        "Phu nhân thăm bảo tàng\nNgày 28/11, Phu nhân đã thăm Bảo tàng Phụ nữ Việt Nam."
    )
    assert only_day.start_date is None and only_day.doubts["start_date"] == "year_missing"


def test_an_unnamed_provincial_unit_takes_the_province_of_the_headline():
    text = (
        "Một đại biểu Đồng Nai tham dự Đại hội Liên đoàn Phụ nữ Dân chủ Quốc tế\n"
        "Từ ngày 15 đến 19-9-2016, tại thủ đô Bogatá, Colombia sẽ diễn ra Đại hội. Đại diện "
        "Hội Liên hiệp phụ nữ tỉnh sẽ tham dự. Hội Nữ Trí Thức Việt Nam cũng cử đại biểu."
    )
    result = extract(text)
    assert result.units == ["Hội Liên hiệp phụ nữ tỉnh Đồng Nai", "Hội Nữ Trí Thức Việt Nam"]
    assert result.places == ["thủ đô Bogatá"] and result.countries == ["CO"]
    assert (result.start_date, result.end_date) == (date(2016, 9, 15), date(2016, 9, 19))


def test_words_that_look_like_countries_are_not_countries():
    """ "Bộ Lao động" is the word "lao" (labour), not Laos; Nga Sơn is a Vietnamese
    district, not Russia."""
    result = extract(
        "Hội thảo về giáo dục\nNgày 2/5/2024, đại diện Bộ Lao động Thương binh và Xã hội và "
        "Hội LHPN huyện Nga Sơn dự hội thảo với KOICA."
    )
    assert result.countries == ["KR"]


def test_a_level_is_not_a_grant():
    """ "cán bộ cấp tỉnh và huyện": "cấp" (level) is not "cấp" (grant) — the giver stays
    the unit that "tặng"."""
    text = (
        "Gặp mặt, tặng quà\n"
        "Ngày 5/10/2021, Hội LHPN tỉnh Quảng Nam tặng Hiệp hội Phụ nữ tỉnh Sê Koong 70 suất "
        "quà cho cán bộ cấp tỉnh và huyện, tổng trị giá trên 40 triệu đồng."
    )
    assert [(a.value, a.direction) for a in extract(text).amounts] == [
        (Decimal(40_000_000), "given")
    ]


def test_each_field_read_on_weak_evidence_says_why():
    """Issue 18: every extracted field carries how sure the reader is."""
    from doingoai.news.extraction import DOUBTS

    sure = extract(
        "Hội LHPN tỉnh Đắk Lắk tiếp đoàn Hội LHPN tỉnh Attapeu (Lào)\n"
        "Ngày 5/3/2024, tại thành phố Buôn Ma Thuột, Hội LHPN tỉnh Đắk Lắk đã tiếp và làm việc "
        "với đoàn đại biểu Hội LHPN tỉnh Attapeu (Lào)."
    )
    assert sure.doubts == {} and sure.unsure == []
    weak = extract(
        "Gặp gỡ các gia đình\n\nHội LHPN tỉnh phối hợp với Tổ chức Blue Dragon International gặp "
        "gỡ các gia đình. Các gia đình chia sẻ khó khăn. Tổng kinh phí dự án gần 2 tỷ đồng. "
        "Trước đó bà Lan đã đi Nhật Bản."
    )
    assert weak.doubts["partners"] == "by_name_form"  # a foreign-language name only
    assert weak.doubts["units"] == "none_found"  # the province is never named
    assert weak.doubts["places"] == "none_found"
    assert weak.doubts["countries"] == "in_passing"  # Japan once, at the end, no partner
    assert weak.doubts["amounts"] == "rounded"
    assert "start_date" not in weak.doubts  # no date, as a feature often has: not a doubt
    assert set(weak.unsure) == set(weak.doubts)
    for name, reason in weak.doubts.items():
        assert reason in DOUBTS[name]


def test_every_doubt_has_its_reason_in_vietnamese():
    """The review page names why a field is unsure (views.DOUBT_TEXTS), in Vietnamese
    first: a doubt the reader can give without a text would show an empty reason."""
    from django.utils import translation

    from doingoai.news.extraction import DOUBTS
    from doingoai.news.views import DOUBT_TEXTS

    for field, reasons in DOUBTS.items():
        for reason in reasons:
            assert (field, reason) in DOUBT_TEXTS, (field, reason)
            with translation.override("vi"):
                vi = str(DOUBT_TEXTS[field, reason])
            with translation.override("en"):
                assert vi != str(DOUBT_TEXTS[field, reason]), (field, reason)
