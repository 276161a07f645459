import datetime as dt
from decimal import Decimal

from lxml import etree
from tests.reports.conftest import data_for_the_module

from doingoai.core.samples import make
from doingoai.iati.export import export_iati, validate

_report_data, data = data_for_the_module()


def test_iati_export_validates(data, output_dir):
    w = data.world
    from doingoai.resources.models import Resource

    no_partner = make(
        "resources",
        w.daklak,
        title="Hỗ trợ không rõ nhà tài trợ",
        direction=Resource.Direction.RECEIVED,
        partner=None,
        quantity=Decimal(1),
        unit_value=Decimal(1_000_000),
        date=dt.date(2024, 3, 1),
    )
    pledge = make(
        "resources",
        w.daklak,
        title="Cam kết tài trợ học bổng",
        direction=Resource.Direction.RECEIVED,
        kind=Resource.Kind.SCHOLARSHIP,
        stage=Resource.Stage.PLEDGED,
        partner=data.lao,
        quantity=Decimal(2),
        unit_value=Decimal(1500),
        currency="USD",
        date=dt.date(2024, 10, 1),
    )
    result = export_iati(user=w.user("admin"))
    (output_dir / "iati-activities.xml").write_bytes(result.xml)
    assert validate(result.xml) == []
    assert set(result.exported) == {data.grant.pk, data.hanoi_grant.pk, pledge.pk}
    assert [(s.resource_id, s.code) for s in result.skipped] == [(no_partner.pk, "no_partner")]
    assert result.skipped[0].reason
    doc = etree.fromstring(result.xml)
    assert doc.get("version") == "2.03"
    grant = doc.xpath(f"//iati-activity[iati-identifier='VN-VWU-R{data.grant.pk}']")[0]
    assert grant.xpath("participating-org[@role='1']/narrative/text()")[0] == (
        "Hội LHPN tỉnh Chămpasăk"
    )
    assert grant.xpath("participating-org[@role='4']/narrative/text()")[0] == (
        "Hội LHPN tỉnh Đắk Lắk"
    )
    value = grant.xpath("transaction/value")[0]
    assert (value.get("currency"), value.get("value-date"), value.text) == (
        "USD",
        "2024-08-01",
        "20000.00",
    )
    assert grant.xpath("transaction/transaction-type/@code") == ["1"]
    assert grant.xpath("recipient-country/@code") == ["VN"]
    p = doc.xpath(f"//iati-activity[iati-identifier='VN-VWU-R{pledge.pk}']")[0]
    assert p.xpath("transaction/transaction-type/@code") == ["13"]  # incoming pledge
    assert p.xpath("default-aid-type/@code") == ["E01"]
    # given resources are not IATI incoming aid
    assert not doc.xpath(f"//iati-activity[iati-identifier='VN-VWU-R{data.machines.pk}']")


def test_iati_export_is_scoped(data):
    w = data.world
    result = export_iati(user=w.user("daklak"))
    assert result.exported == [data.grant.pk]
    assert validate(result.xml) == []
    result = export_iati(user=w.user("admin"), unit=w.hanoi)
    assert result.exported == [data.hanoi_grant.pk]
