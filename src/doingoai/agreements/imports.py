"""Spreadsheet import of cooperation agreements."""

from doingoai.imports.spreadsheet import Column, Importer, register_importer


@register_importer
class AgreementImporter(Importer):
    kind = "agreements"
    default_units = True
    columns = [
        Column(
            "Tên văn bản",
            "title",
            required=True,
            width=40,
            example="Thỏa thuận hợp tác vì hòa bình phát triển giai đoạn 2022–2027",
        ),
        Column("Loại văn bản", "kind", "choice", width=24, example="Cooperation agreement"),
        Column("Số, ký hiệu", "reference", width=14, example="01/TTHT-2022"),
        Column(
            "Đơn vị ghi nhận", "unit", "unit", width=26, help="Để trống: đơn vị của người nhập."
        ),
        Column(
            "Các bên Việt Nam",
            "units",
            "units",
            width=28,
            example="Đắk Lắk",
            help="Các đơn vị Hội ký kết, cách nhau bằng ;. Để trống: đơn vị của người nhập.",
        ),
        Column(
            "Các bên đối tác",
            "partners",
            "partners",
            required=True,
            width=36,
            example="Hội Liên hiệp Phụ nữ tỉnh Chămpasăk",
            help="Tên, tên tiếng Anh, tên viết tắt hoặc tên gọi khác của đối tác đã có "
            "trong danh bạ, cách nhau bằng ;.",
        ),
        Column("Ngày ký", "signed_date", "date", example="20/06/2022"),
        Column("Nơi ký", "signed_place", example="Buôn Ma Thuột"),
        Column("Ngày bắt đầu", "start_date", "date", example="01/07/2022"),
        Column("Ngày kết thúc", "end_date", "date", example="30/06/2027"),
        Column(
            "Tình trạng đặt tay",
            "status_override",
            "choice",
            width=18,
            help="Chỉ ghi khi văn bản đã chấm dứt hoặc đã được gia hạn; để trống thì "
            "tình trạng tính theo ngày.",
        ),
        Column(
            "Lĩnh vực hợp tác",
            "areas",
            "list",
            width=30,
            example="bình đẳng giới; phát triển kinh tế",
        ),
        Column("Tóm tắt", "summary", width=40),
        Column("Ghi chú", "notes", width=30),
    ]
