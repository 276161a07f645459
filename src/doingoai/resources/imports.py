"""Spreadsheet import of resources (money and goods received or given)."""

from doingoai.imports.spreadsheet import Column, Importer, register_importer


@register_importer
class ResourceImporter(Importer):
    kind = "resources"
    columns = [
        Column(
            "Tên khoản",
            "title",
            required=True,
            width=36,
            example="Máy may tặng phụ nữ nghèo tỉnh Chămpasăk",
        ),
        Column(
            "Chiều", "direction", "choice", required=True, width=22, example="Given to a partner"
        ),
        Column("Loại", "kind", "choice", example="In kind"),
        Column("Số lượng", "quantity", "decimal", example=4, help="Để trống: 1."),
        Column(
            "Đơn giá",
            "unit_value",
            "decimal",
            required=True,
            example=10000000,
            help="Số tiền = số lượng × đơn giá.",
        ),
        Column(
            "Tiền tệ",
            "currency",
            width=10,
            example="VND",
            help="Mã ISO 4217 (VND, USD, EUR...). Để trống: VND.",
        ),
        Column(
            "Ngày",
            "date",
            "date",
            required=True,
            example="28/06/2024",
            help="Ngày giá trị (ngày cam kết, ngày giải ngân hoặc ngày trao).",
        ),
        Column("Giai đoạn", "stage", "choice", example="Disbursed"),
        Column(
            "Đối tác", "partner", "partner", width=32, example="Hội Liên hiệp Phụ nữ tỉnh Chămpasăk"
        ),
        Column("Đơn vị", "unit", "unit", width=26, help="Để trống: đơn vị của người nhập."),
        Column(
            "Thỏa thuận",
            "agreement",
            "record",
            width=30,
            model="agreements.Agreement",
            match=("title", "reference"),
            help="Mã tham chiếu (khi nhập thỏa thuận từ Excel), số ký hiệu hoặc tên.",
        ),
        Column(
            "Hoạt động",
            "activity",
            "record",
            width=30,
            model="activities.Activity",
            match=("title",),
            help="Mã tham chiếu (khi nhập hoạt động từ Excel) hoặc tên hoạt động.",
        ),
        Column(
            "Người thụ hưởng", "beneficiaries", width=30, example="Phụ nữ nghèo huyện Pathoumphone"
        ),
        Column("Số người thụ hưởng", "beneficiaries_count", "int", example=4),
        Column("Ghi chú", "notes", width=30),
    ]

    def prepare(self, data, values, ctx):
        if isinstance(data.get("currency"), str):
            data["currency"] = data["currency"].strip().upper()
