"""Spreadsheet import of activities; places and delegation members fit in one cell each."""

from doingoai.core.countries import find_country, find_subdivision
from doingoai.imports.spreadsheet import Column, Importer, register_importer


def _normalize_places(text: str) -> str:
    """ "Lào, Chămpasăk, Pakse; Lào, Attapeu" -> the form's lines in ISO codes, so that a
    file imported twice reads as unchanged. Lines that cannot be read are left to the form."""
    lines = []
    for part in text.replace("\n", ";").split(";"):
        if not part.strip():
            continue
        bits = [b.strip() for b in part.split(",", 2)] + ["", ""]
        country = find_country(bits[0])
        sub = find_subdivision(country, bits[1]) if country and bits[1] else ""
        if country is None or sub is None:
            lines.append(part.strip())
        else:
            lines.append(", ".join([country, sub, bits[2]]).rstrip(", "))
    return "\n".join(lines)


def _normalize_members(text: str) -> str:
    lines = []
    for part in text.replace("\n", ";").split(";"):
        if part.strip():
            bits = [b.strip() for b in part.split(",", 2)]
            lines.append(", ".join(bits).rstrip(", "))
    return "\n".join(lines)


@register_importer
class ActivityImporter(Importer):
    kind = "activities"
    default_units = True
    columns = [
        Column(
            "Tên hoạt động",
            "title",
            required=True,
            width=40,
            example="Đoàn công tác Hội LHPN tỉnh Đắk Lắk thăm và làm việc tại 4 tỉnh Nam Lào",
        ),
        Column(
            "Loại hoạt động", "kind", "choice", required=True, width=22, example="Delegation abroad"
        ),
        Column("Hình thức", "format", "choice", example="In person"),
        Column(
            "Mục đích chính",
            "main_purpose",
            "choice",
            width=30,
            example="Signing or carrying out an agreement",
            help="Đoàn ra, đoàn vào: mục đích chính của chuyến đi.",
        ),
        Column("Ngày bắt đầu", "start_date", "date", required=True, example="25/06/2024"),
        Column("Ngày kết thúc", "end_date", "date", example="01/07/2024"),
        Column("Đơn vị tổ chức", "unit", "unit", width=26, help="Để trống: đơn vị của người nhập."),
        Column(
            "Các đơn vị tham gia",
            "units",
            "units",
            width=26,
            help="Cách nhau bằng ;. Để trống: đơn vị của người nhập.",
        ),
        Column(
            "Đối tác",
            "partners",
            "partners",
            width=36,
            example="Hội Liên hiệp Phụ nữ tỉnh Chămpasăk",
            help="Đối tác đã có trong danh bạ, cách nhau bằng ;.",
        ),
        Column(
            "Thỏa thuận",
            "agreements",
            "records",
            width=30,
            model="agreements.Agreement",
            match=("title", "reference"),
            help="Mã tham chiếu (khi nhập thỏa thuận từ Excel), số ký hiệu hoặc tên văn "
            "bản, cách nhau bằng ;.",
        ),
        Column(
            "Địa điểm",
            "places",
            width=36,
            example="Lào, Chămpasăk, Pakse; Lào, Attapeu",
            help="Mỗi địa điểm: quốc gia, tỉnh/bang, thành phố; các địa điểm cách nhau bằng ;.",
        ),
        Column(
            "Thành viên đoàn",
            "members",
            width=36,
            example="Nguyễn Thị A, Chủ tịch, Hội LHPN tỉnh Đắk Lắk",
            help="Mỗi người: họ tên, chức vụ, đơn vị; các người cách nhau bằng ;.",
        ),
        Column("Chủ đề", "topics", "list", width=24, example="bình đẳng giới"),
        Column("Số người tham dự", "participants_total", "int", example=12),
        Column("Trong đó nữ", "participants_women", "int", example=11),
        Column("Kết quả", "outcomes", width=40),
        Column("Đường dẫn báo chí", "press_links", "list", width=30),
        Column("Ghi chú", "notes", width=30),
    ]

    def prepare(self, data, values, ctx):
        if isinstance(values.get("places"), str):
            data["places"] = _normalize_places(values["places"])
        if isinstance(values.get("members"), str):
            data["members"] = _normalize_members(values["members"])
