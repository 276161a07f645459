"""Resources received, written as an IATI 2.03 activity file.

One ``iati-activity`` per resource received: the organization reports, the partner
funds (role 1), the unit implements (role 4); one transaction in the resource's
own currency with its value date (incoming pledge, commitment or funds by stage).
Codes come from the IATI codelists in ``settings.IATI_DIR``; a resource that
cannot be expressed is listed with the reason instead of being dropped silently.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from lxml import etree

from doingoai.core.scope import under
from doingoai.reports.figures import scoped

VERSION = "2.03"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

DEFAULT_REPORTING_ORG = {
    "ref": "VN-VWU",
    "type": "22",
    "name_vi": "Hội Liên hiệp Phụ nữ Việt Nam",
    "name_en": "Vietnam Women's Union",
}

# Partner.Kind -> IATI OrganisationType
ORG_TYPE = {
    "womens_union": "22",
    "government": "10",
    "un_agency": "40",
    "ingo": "21",
    "embassy": "10",
    "business": "70",
    "university": "80",
    "overseas_vn": "22",
    "donor": "10",
    "other": "90",
}
# Resource.Stage -> IATI TransactionType (incoming)
TRANSACTION_TYPE = {"pledged": "13", "committed": "11", "disbursed": "1"}
# Resource.Kind -> IATI AidType (vocabulary 1, OECD DAC)
AID_TYPE = {"project": "C01", "technical_assistance": "D02", "scholarship": "E01"}
ACTIVITY_STATUS = {"pledged": "1", "committed": "2", "disbursed": "2"}


def iati_dir() -> Path:
    return Path(getattr(settings, "IATI_DIR", settings.BASE_DIR.parent / "shared" / "iati"))


def schema_path() -> Path:
    return iati_dir() / "schemas" / "iati-activities-schema.xsd"


@lru_cache(maxsize=64)
def _codelist(path: str) -> frozenset[str]:
    tree = etree.parse(path)
    codes = set()
    for item in tree.iter("codelist-item"):
        if item.get("status") == "withdrawn":
            continue
        code = item.findtext("code")
        if code:
            codes.add(code.strip())
    return frozenset(codes)


def codelist(name: str) -> frozenset[str]:
    for sub in ("embedded", "non-embedded"):
        path = iati_dir() / "codelists" / sub / f"{name}.xml"
        if path.exists():
            return _codelist(str(path))
    raise FileNotFoundError(f"IATI codelist {name} not found under {iati_dir()}")


@dataclass
class Skipped:
    resource_id: int
    title: str
    reason: str
    code: str = ""  # no_partner, no_value, currency, stage, org_type


@dataclass
class IatiResult:
    xml: bytes
    exported: list[int] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def _narrative(parent, tag, text, lang="vi"):
    el = etree.SubElement(parent, tag)
    n = etree.SubElement(el, "narrative")
    n.text = text
    if lang:
        n.set(XML_LANG, lang)
    return el


def _money(value: Decimal) -> str:
    return f"{Decimal(value).quantize(Decimal('0.01')):f}"


def reporting_org() -> dict:
    return {**DEFAULT_REPORTING_ORG, **getattr(settings, "IATI_REPORTING_ORG", {})}


def why_not(resource, currencies, org_types) -> tuple[str, str] | None:
    """Why a resource cannot be expressed in IATI (code, reason), or None."""
    if resource.partner_id is None:
        return "no_partner", _("no partner: IATI needs the organisation that provided the resource")
    if resource.amount is None or resource.amount <= 0:
        return "no_value", _("no value: quantity × unit value is zero")
    if resource.currency not in currencies:
        return "currency", _("currency %(code)s is not in the IATI Currency codelist") % {
            "code": resource.currency
        }
    if resource.stage not in TRANSACTION_TYPE:
        return "stage", _("stage %(stage)s has no IATI transaction type") % {
            "stage": resource.stage
        }
    if ORG_TYPE.get(resource.partner.kind, "90") not in org_types:
        return "org_type", _("partner kind %(kind)s has no IATI organisation type") % {
            "kind": resource.partner.kind
        }
    return None


def received_resources(*, user, unit=None, start=None, end=None):
    """The received resources ``user`` may see (in ``unit``'s subtree when given)."""
    qs = scoped("resources.Resource", user)
    qs = qs.filter(direction="received").select_related("partner", "unit", "activity", "agreement")
    if unit is not None:
        qs = qs.filter(under(unit.path))
    if start:
        qs = qs.filter(date__gte=start)
    if end:
        qs = qs.filter(date__lte=end)
    return qs.order_by("date", "pk")


def _org(parent, tag: str, *, names: list[tuple[str, str]], **attrs):
    """An organization element with its narratives ((language or "", text))."""
    element = etree.SubElement(parent, tag, **attrs)
    for lang, text in names:
        if text:
            etree.SubElement(element, "narrative", **({XML_LANG: lang} if lang else {})).text = text
    return element


def _description(res) -> str:
    parts = [
        res.get_kind_display(),
        res.beneficiaries,
        res.activity.title if res.activity_id else "",
        res.agreement.title if res.agreement_id else "",
    ]
    return " — ".join(x for x in parts if x) or res.title


def _dates(act, res) -> None:
    start_date = res.activity.start_date if res.activity_id else res.date
    etree.SubElement(act, "activity-date", type="2", **{"iso-date": start_date.isoformat()})
    if res.activity_id and res.activity.end_date:
        etree.SubElement(
            act, "activity-date", type="4", **{"iso-date": res.activity.end_date.isoformat()}
        )


def _transaction(act, res, p_type: str, org: dict) -> None:
    tr = etree.SubElement(act, "transaction", ref=f"R{res.pk}")
    etree.SubElement(tr, "transaction-type", code=TRANSACTION_TYPE[res.stage])
    etree.SubElement(tr, "transaction-date", **{"iso-date": res.date.isoformat()})
    value = etree.SubElement(
        tr, "value", currency=res.currency, **{"value-date": res.date.isoformat()}
    )
    value.text = _money(res.amount)
    _narrative(tr, "description", res.title)
    _org(tr, "provider-org", names=[("", res.partner.name_vi)], type=p_type)
    _org(tr, "receiver-org", names=[("", res.unit.name)], type=org["type"])


def activity_element(root, res, *, org: dict, countries) -> None:
    """The ``iati-activity`` of one received resource."""
    act = etree.SubElement(
        root,
        "iati-activity",
        **{
            XML_LANG: "vi",
            "default-currency": res.currency,
            "last-updated-datetime": res.updated_at.replace(microsecond=0).isoformat(),
        },
    )
    etree.SubElement(act, "iati-identifier").text = f"{org['ref']}-R{res.pk}"
    _org(
        act,
        "reporting-org",
        names=[("", org["name_vi"]), ("en", org["name_en"])],
        ref=org["ref"],
        type=org["type"],
    )
    _narrative(act, "title", res.title)
    _narrative(act, "description", str(_description(res))).set("type", "1")
    partner = res.partner
    p_type = ORG_TYPE.get(partner.kind, "90")
    _org(
        act,
        "participating-org",
        names=[("", partner.name_vi), ("en", partner.name_en)],
        role="1",
        type=p_type,
    )
    _org(act, "participating-org", names=[("", res.unit.name)], role="4", type=org["type"])
    etree.SubElement(act, "activity-status", code=ACTIVITY_STATUS.get(res.stage, "2"))
    _dates(act, res)
    if "VN" in countries:
        etree.SubElement(act, "recipient-country", code="VN", percentage="100")
    if res.kind in AID_TYPE:
        etree.SubElement(act, "default-aid-type", code=AID_TYPE[res.kind], vocabulary="1")
    _transaction(act, res, p_type, org)


def export_iati(
    *, user, unit=None, start: dt.date | None = None, end: dt.date | None = None, progress=None
) -> IatiResult:
    """Every received resource the user may see (in ``unit``'s subtree when given) as
    an IATI activity; those that cannot be expressed are listed with the reason."""
    qs = received_resources(user=user, unit=unit, start=start, end=end)
    currencies, org_types = codelist("Currency"), codelist("OrganisationType")
    countries, org = codelist("Country"), reporting_org()
    root = etree.Element(
        "iati-activities",
        version=VERSION,
        **{"generated-datetime": timezone.now().replace(microsecond=0).isoformat()},
    )
    result = IatiResult(xml=b"")
    total = qs.count()
    for i, res in enumerate(qs.iterator(chunk_size=500), 1):
        if progress:
            progress(i, total, res.title)
        problem = why_not(res, currencies, org_types)
        if problem:
            result.skipped.append(Skipped(res.pk, res.title, str(problem[1]), problem[0]))
            continue
        result.exported.append(res.pk)
        activity_element(root, res, org=org, countries=countries)
    result.xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return result


@lru_cache(maxsize=1)
def _schema():
    return etree.XMLSchema(etree.parse(str(schema_path())))


def validate(xml: bytes) -> list[str]:
    """Schema errors of an IATI activity file (empty when valid)."""
    schema = _schema()
    doc = etree.fromstring(xml)
    if schema.validate(doc):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]
