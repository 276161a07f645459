"""Reading an IATI 2.03 activities file into partners and received resources.

For every ``iati-activity``:

* its reporting organization and its funding organizations (``participating-org``
  role 1) become partners: found again by their IATI organization identifier (an
  :class:`ExternalRef` with source ``iati-org``) or by name, acronym or alias,
  otherwise created, their kind taken from the OrganisationType codelist;
* its transactions of type 1 (incoming funds), 2 (commitment) and 3 (disbursement),
  and the incoming commitments and pledges (11, 13), become resources *received* by
  the unit, with their currency and value date; the stage is pledged, committed or
  disbursed. Each carries the ExternalRef ``iati`` / ``<iati-identifier>#<n>`` (the
  n-th transaction of the activity), so importing the same file again changes
  nothing, and a corrected file updates the resources it describes.

Every resource and partner goes through its kind's form (the same validation and
scope as the pages). The whole file is one transaction: any problem, reported per
activity, leaves the database as it was.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from doingoai.core.bulk import bulk_work
from doingoai.core.models import ExternalRef, audit
from doingoai.core.scope import ADD, CHANGE, role_allows
from doingoai.core.text import fold
from doingoai.core.writing import FORBIDDEN, RecordRefused, form_data, record_save
from doingoai.imports.spreadsheet import PARTNER_MATCH, Matcher, display

SOURCE = "iati"
ORG_SOURCE = "iati-org"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

#: IATI TransactionType code -> resource stage (others are not resources received)
TRANSACTION_STAGES = {
    "1": "disbursed",  # incoming funds: money that arrived
    "2": "committed",  # (outgoing) commitment of the funder to the activity
    "3": "disbursed",  # disbursement
    "11": "committed",  # incoming commitment
    "13": "pledged",  # incoming pledge
}
TRANSACTION_NAMES = {
    "1": "Nguồn vốn nhận",
    "2": "Cam kết",
    "3": "Giải ngân",
    "11": "Cam kết nhận",
    "13": "Cam kết dự kiến",
}

#: IATI OrganisationType code -> partner kind
ORG_KINDS = {
    "10": "donor",
    "11": "donor",
    "15": "donor",
    "30": "donor",
    "60": "donor",
    "21": "ingo",
    "22": "ingo",
    "23": "ingo",
    "24": "ingo",
    "40": "un_agency",
    "70": "business",
    "71": "business",
    "72": "business",
    "73": "business",
    "80": "university",
}
#: registration-agency prefixes that are not countries
NON_COUNTRY_PREFIXES = {"XM", "XI", "XE", "XR"}


@dataclass
class ActivityResult:
    identifier: str
    title: str = ""
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    problems: list[str] = field(default_factory=list)


@dataclass
class IatiReport:
    filename: str = ""
    activities: list[ActivityResult] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    partners_created: list[str] = field(default_factory=list)
    partners_matched: list[str] = field(default_factory=list)
    #: (stage, currency) -> total of the file's resources
    totals: dict[tuple[str, str], Decimal] = field(default_factory=dict)
    committed: bool = False

    def all_problems(self) -> list[str]:
        out = list(self.problems)
        for activity in self.activities:
            out.extend(
                _("Activity %(id)s: %(message)s") % {"id": activity.identifier, "message": p}
                for p in activity.problems
            )
        return out

    @property
    def ok(self) -> bool:
        return not self.all_problems()

    def count(self, name: str) -> int:
        return sum(getattr(a, name) for a in self.activities)

    def summary(self) -> str:
        text = _(
            "%(activities)s activities: %(created)s resources new, %(updated)s updated, "
            "%(unchanged)s unchanged, %(skipped)s transactions of other types skipped; "
            "partners: %(pnew)s new, %(pold)s found"
        ) % {
            "activities": len(self.activities),
            "created": self.count("created"),
            "updated": self.count("updated"),
            "unchanged": self.count("unchanged"),
            "skipped": self.count("skipped"),
            "pnew": len(self.partners_created),
            "pold": len(self.partners_matched),
        }
        if not self.ok:
            text += "; " + _("%(n)s problems, nothing imported") % {"n": len(self.all_problems())}
        elif not self.committed:
            text += "; " + _("preview only, nothing saved")
        return text

    def totals_lines(self) -> list[str]:
        return [
            f"{stage} {currency}: {display(total)}"
            for (stage, currency), total in sorted(self.totals.items())
        ]


def _narratives(element, default_lang: str = "") -> dict[str, str]:
    """Narratives by language; one without xml:lang is in the activity's language."""
    out: dict[str, str] = {}
    if element is None:
        return out
    for narrative in element.findall("narrative"):
        text = " ".join((narrative.text or "").split())
        if text:
            lang = (narrative.get(XML_LANG) or default_lang or "").lower()[:2]
            out.setdefault(lang, text)
    return out


def _best(names: dict[str, str], *langs: str) -> str:
    for lang in langs:
        if names.get(lang):
            return names[lang]
    return next(iter(names.values()), "")


class _Importer:
    def __init__(self, *, user, unit, report: IatiReport):
        from django.apps import apps

        from doingoai.core.registry import REGISTRY

        self.user = user
        self.unit = unit
        self.report = report
        self.Partner = apps.get_model("partners", "Partner")
        self.Resource = apps.get_model("resources", "Resource")
        self.partner_kind = REGISTRY["partners"]
        self.resource_kind = REGISTRY["resources"]
        self.resource_form = self.resource_kind.get_form_class()
        self.partner_ct = ContentType.objects.get_for_model(self.Partner)
        self.resource_ct = ContentType.objects.get_for_model(self.Resource)
        self.partner_matcher = Matcher(self.Partner, PARTNER_MATCH)
        self.partners: dict[str, object] = {}  # org ref or folded name -> partner
        self.file_lang = ""
        self.lang = ""

    # ---------------------------------------------------------------- partners

    def partner(self, element, activity: ActivityResult, country_hint: str):
        """The partner of an organization element (reporting-org, participating-org,
        provider-org), matched or created; None when the element names nobody."""
        if element is None:
            return None
        ref = (element.get("ref") or element.get("provider-org-ref") or "").strip()
        names = _narratives(element, self.lang)
        name = _best(names, "vi", "en", "")
        key = ref or fold(name)
        if not key:
            return None
        if key in self.partners:
            return self.partners[key]
        partner = None
        if ref:
            ext = ExternalRef.objects.filter(
                content_type=self.partner_ct, source=ORG_SOURCE, key=ref
            ).first()
            if ext is not None:
                partner = self.Partner.objects.filter(pk=ext.object_id).first()
        if partner is None:
            for candidate in [name, *names.values(), ref]:
                if not candidate:
                    continue
                found = self.partner_matcher.find(candidate)
                if len(found) == 1:
                    partner = found[0]
                    break
        if partner is not None:
            self.report.partners_matched.append(str(partner))
        else:
            partner = self._create_partner(
                ref, names, element.get("type") or "", activity, country_hint
            )
            if partner is None:
                return None
            self.report.partners_created.append(str(partner))
        if (
            ref
            and not ExternalRef.objects.filter(
                content_type=self.partner_ct, source=ORG_SOURCE, key=ref
            ).exists()
        ):
            ExternalRef.objects.create(
                content_type=self.partner_ct, object_id=partner.pk, source=ORG_SOURCE, key=ref
            )
        self.partners[key] = partner
        return partner

    def _create_partner(self, ref, names, org_type, activity, country_hint):
        from doingoai.core.countries import is_country

        if not names:
            activity.problems.append(
                _("the organization “%(ref)s” has no name (narrative).") % {"ref": ref}
            )
            return None
        prefix = ref.split("-", 1)[0].upper() if "-" in ref else ""
        country = prefix if prefix not in NON_COUNTRY_PREFIXES and is_country(prefix) else ""
        country = country or country_hint or "VN"
        name_en = names.get("en", "")
        name_vi = _best(names, "vi", "en")
        data = {
            "name_vi": name_vi[:300],
            "name_en": (name_en or "")[:300],
            "aliases": [ref] if ref else [],
            "kind": ORG_KINDS.get(org_type, "donor"),
            "level": "international" if prefix in NON_COUNTRY_PREFIXES else "national",
            "country": country,
            "unit": self.unit.pk,
            "notes": _("Created from an IATI file (organization %(ref)s).") % {"ref": ref or "—"},
        }
        try:
            return record_save(kind=self.partner_kind, acting_user=self.user, data=data).obj
        except RecordRefused as exc:
            for error in exc.errors:
                activity.problems.append(
                    _("organization “%(name)s”: %(error)s") % {"name": name_vi, "error": error}
                )
            return None

    # ---------------------------------------------------------------- activities

    def activity(self, element) -> ActivityResult:
        identifier = " ".join((element.findtext("iati-identifier") or "").split())
        result = ActivityResult(identifier=identifier or "?")
        self.report.activities.append(result)
        if not identifier:
            result.problems.append(_("the activity has no iati-identifier."))
            return result
        self.lang = element.get(XML_LANG) or self.file_lang
        title = _best(_narratives(element.find("title"), self.lang), "vi", "en") or identifier
        result.title = title
        recipient = (
            element.find("recipient-country").get("code", "")
            if element.find("recipient-country") is not None
            else ""
        )
        reporting = self.partner(element.find("reporting-org"), result, recipient)
        funders = [
            self.partner(org, result, recipient)
            for org in element.findall("participating-org")
            if org.get("role") == "1"
        ]
        funders = [f for f in funders if f is not None]
        default_funder = funders[0] if funders else reporting
        default_currency = (element.get("default-currency") or "").upper()

        for index, tx in enumerate(element.findall("transaction"), 1):
            code = (
                tx.find("transaction-type").get("code", "")
                if tx.find("transaction-type") is not None
                else ""
            )
            stage = TRANSACTION_STAGES.get(code)
            if stage is None:
                result.skipped += 1
                continue
            where = _("transaction %(n)s") % {"n": index}
            value = tx.find("value")
            if value is None or not (value.text or "").strip():
                result.problems.append(_("%(where)s has no value.") % {"where": where})
                continue
            try:
                amount = Decimal(value.text.strip())
            except InvalidOperation:
                result.problems.append(
                    _("%(where)s: “%(value)s” is not a number.")
                    % {"where": where, "value": value.text.strip()}
                )
                continue
            if amount < 0:
                result.problems.append(
                    _(
                        "%(where)s: negative values (reversals) are not "
                        "imported; correct the earlier transaction instead."
                    )
                    % {"where": where}
                )
                continue
            currency = (value.get("currency") or default_currency).upper()
            if not currency:
                result.problems.append(
                    _("%(where)s: no currency (value/@currency or default-currency).")
                    % {"where": where}
                )
                continue
            date_text = value.get("value-date") or (
                tx.find("transaction-date").get("iso-date")
                if tx.find("transaction-date") is not None
                else ""
            )
            try:
                date = dt.date.fromisoformat((date_text or "")[:10])
            except ValueError:
                result.problems.append(
                    _("%(where)s: “%(value)s” is not a date.")
                    % {"where": where, "value": date_text}
                )
                continue
            provider = self.partner(tx.find("provider-org"), result, recipient)
            partner = provider or default_funder
            description = _best(_narratives(tx.find("description"), self.lang), "vi", "en")
            data = {
                "title": f"{title} — {TRANSACTION_NAMES[code]} {date:%d/%m/%Y}"[:400],
                "direction": "received",
                "kind": "project",
                "quantity": Decimal(1),
                "unit_value": amount,
                "currency": currency,
                "date": date,
                "stage": stage,
                "beneficiaries": "",
                "partner": partner.pk if partner else None,
                "unit": self.unit.pk,
                "notes": f"IATI {identifier}, #{index}"
                + (f": {description}" if description else ""),
            }
            self.resource(result, f"{identifier}#{index}", data, where)
            key = (stage, currency)
            self.report.totals[key] = self.report.totals.get(key, Decimal(0)) + amount
        return result

    def resource(self, result: ActivityResult, key: str, values: dict, where: str):
        ext = ExternalRef.objects.filter(
            content_type=self.resource_ct, source=SOURCE, key=key
        ).first()
        instance = None
        if ext is not None:
            instance = self.resource_kind.scoped(self.user, CHANGE).filter(pk=ext.object_id).first()
            if instance is None:
                if self.Resource.objects.filter(pk=ext.object_id).exists():
                    result.problems.append(
                        _("%(where)s was imported before into a record you may not change.")
                        % {"where": where}
                    )
                    return
                ext.delete()
                ext = None
        adding = instance is None
        if adding:
            instance = self.Resource()
            data = dict(values)
        else:
            current = form_data(self.resource_form(instance=instance, user=self.user))
            data = {**current, **values}
            # what an officer added by hand stays
            for name in ("title", "kind", "beneficiaries", "notes"):
                data[name] = current[name]
            data["version"] = instance.version
        form = self.resource_form(data, instance=instance, user=self.user)
        if form.is_valid() and not adding and not (set(form.changed_data) - {"version"}):
            result.unchanged += 1
            return

        def remember(obj):
            if ext is None:
                ExternalRef.objects.create(
                    content_type=self.resource_ct, object_id=obj.pk, source=SOURCE, key=key
                )

        try:
            record_save(kind=self.resource_kind, acting_user=self.user, form=form, also=remember)
        except RecordRefused as exc:
            if exc.reason == FORBIDDEN:
                raise PermissionDenied from exc
            result.problems.extend(f"{where}: {error}" for error in exc.errors)
            return
        if adding:
            result.created += 1
        else:
            result.updated += 1


def parse(path) -> object:
    """The XML tree of an IATI file, read safely (no entities, no network)."""
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True
    )
    return etree.parse(str(path), parser)


def import_iati(path, *, unit, user, commit: bool = True, progress=None) -> IatiReport:
    """Import an IATI activities file (``path``) as resources received by ``unit``."""
    from lxml import etree

    report = IatiReport(filename=Path(str(path)).name)
    if not role_allows(user, ADD):
        raise PermissionDenied
    try:
        tree = parse(path)
    except (OSError, etree.XMLSyntaxError) as exc:
        report.problems.append(_("The file is not readable XML: %(error)s") % {"error": exc})
        return report
    root = tree.getroot()
    if root.tag != "iati-activities":
        report.problems.append(
            _("The file is not an IATI activities file (its root is “%(tag)s”).")
            % {"tag": root.tag}
        )
        return report
    version = root.get("version", "")
    if not version.startswith("2."):
        report.problems.append(
            _("IATI version “%(version)s” is not supported (2.0x is).") % {"version": version}
        )
        return report
    if not type(unit)._default_manager.restrict(user, "view").filter(pk=unit.pk).exists():
        report.problems.append(_("The unit “%(unit)s” is outside your scope.") % {"unit": unit})
        return report
    activities = root.findall("iati-activity")
    with bulk_work(), transaction.atomic():
        importer = _Importer(user=user, unit=unit, report=report)
        importer.file_lang = root.get(XML_LANG) or ""
        try:
            for done, element in enumerate(activities, 1):
                with transaction.atomic():
                    importer.activity(element)
                if progress:
                    progress(done, len(activities))
        except PermissionDenied:
            report.problems.append(_("The unit “%(unit)s” is outside your scope.") % {"unit": unit})
        if not report.ok or not commit:
            transaction.set_rollback(True)
        else:
            report.committed = True
            audit(
                user=user,
                action="import_iati",
                record=unit,
                message=report.filename,
                activities=len(report.activities),
                created=report.count("created"),
                updated=report.count("updated"),
            )
    return report
