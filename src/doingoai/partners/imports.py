"""Spreadsheet import of partners (the template's columns and how rows match)."""

from doingoai.imports.spreadsheet import PARTNER_MATCH, Column, Importer, Matcher, register_importer

from .models import Partner


@register_importer
class PartnerImporter(Importer):
    kind = "partners"
    columns = [
        Column(
            "Tên tiếng Việt",
            "name_vi",
            required=True,
            width=36,
            example="Hội Liên hiệp Phụ nữ tỉnh Chămpasăk",
        ),
        Column(
            "Tên tiếng Anh", "name_en", width=30, example="Lao Women's Union of Champasak Province"
        ),
        Column("Tên bản ngữ", "name_local", width=24),
        Column("Tên viết tắt", "acronym", width=12, example="LWU Champasak"),
        Column(
            "Tên gọi khác",
            "aliases",
            "list",
            width=24,
            example="Champasak; Chăm-pa-sắc",
            help="Các cách viết khác, cách nhau bằng dấu chấm phẩy (;).",
        ),
        Column(
            "Loại đối tác",
            "kind",
            "choice",
            required=True,
            width=26,
            example="Foreign women's union",
        ),
        Column("Cấp", "level", "choice", example="Provincial"),
        Column(
            "Quốc gia",
            "country",
            "country",
            required=True,
            example="Lào",
            help="Tên tiếng Việt, tiếng Anh hoặc mã ISO 3166 (LA, KR, US...).",
        ),
        Column(
            "Tỉnh/bang",
            "subdivision",
            example="Chămpasăk",
            help="Tên hoặc mã ISO 3166-2 (ví dụ LA-CH).",
        ),
        Column("Thành phố", "city", example="Pakse"),
        Column(
            "Tổ chức cấp trên", "parent", "partner", width=28, example="Hội Liên hiệp Phụ nữ Lào"
        ),
        Column(
            "Đơn vị đang hoạt động tại",
            "working_units",
            "units",
            width=28,
            help="Các đơn vị Hội nơi đối tác đang hoạt động, cách nhau bằng ;",
        ),
        Column("Trang web", "website", example="https://lwu.org.la"),
        Column("Thư điện tử", "email"),
        Column("Điện thoại", "phone"),
        Column("Địa chỉ", "address", width=30),
        Column("Quan hệ từ ngày", "relationship_since", "date", example="15/03/2012"),
        Column("Mô tả", "description", width=40),
        Column("Đơn vị thêm", "unit", "unit", width=28, help="Để trống: đơn vị của người nhập."),
        Column("Ghi chú", "notes", width=30),
    ]
    notes = [
        "Danh bạ đối tác dùng chung toàn Hội: nếu đối tác đã có (cùng tên hoặc tên viết tắt, "
        "cùng quốc gia) thì dòng được gắn với đối tác đó, không tạo đối tác mới; đơn vị chỉ "
        "sửa được đối tác do mình thêm.",
    ]

    def find_existing(self, values, ctx):
        """The shared directory must not get a second "UN Women"."""
        matcher = ctx.matchers.setdefault(("dedupe",), Matcher(Partner, PARTNER_MATCH))
        for name in (values.get("name_vi"), values.get("name_en"), values.get("acronym")):
            if not name:
                continue
            found = [
                p
                for p in matcher.find(name)
                if not values.get("country") or p.country == values["country"]
            ]
            if len(found) == 1:
                return found[0]
        return None

    def prepare(self, data, values, ctx):
        """Province names ("Chămpasăk", "Champasak") become their ISO 3166-2 codes."""
        from doingoai.core.countries import find_subdivision

        sub, country = values.get("subdivision"), data.get("country")
        if sub and country:
            code = find_subdivision(country, sub)
            if code:
                data["subdivision"] = code
