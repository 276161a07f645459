"""Spreadsheet import of Vietnamese women's organizations abroad."""

from doingoai.imports.spreadsheet import Column, Importer, register_importer


@register_importer
class OverseasOrganizationImporter(Importer):
    kind = "overseas"
    columns = [
        Column(
            "Tên tiếng Việt",
            "name_vi",
            required=True,
            width=36,
            example="Hội Phụ nữ Việt Nam tại Viêng Chăn",
        ),
        Column("Tên tiếng địa phương", "name_local", width=30),
        Column(
            "Quốc gia",
            "country",
            "country",
            required=True,
            example="Lào",
            help="Tên tiếng Việt, tiếng Anh hoặc mã ISO 3166 (LA, KR, US...).",
        ),
        Column("Thành phố", "city", example="Viêng Chăn"),
        Column("Ngày thành lập", "founded", "date", example="08/03/2015"),
        Column("Tình trạng", "status", "choice", example="Active"),
        Column("Người đứng đầu", "leaders", width=30),
        Column("Liên hệ", "contacts", width=30),
        Column("Số hội viên (ước tính)", "members", "int", example=120),
        Column(
            "Đơn vị phụ trách", "unit", "unit", width=26, help="Để trống: đơn vị của người nhập."
        ),
        Column(
            "Đại sứ quán/Tổng lãnh sự quán",
            "mission",
            "partner",
            width=30,
            help="Tên cơ quan đại diện (đã có trong danh bạ đối tác).",
        ),
        Column("Ghi chú", "notes", width=30),
    ]
