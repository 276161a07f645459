"""Reading an IATI 2.0x activities file, as publishers write it, into partners and
received resources.

Only the activities that concern the organization are imported: by default those for
Việt Nam (``settings.IATI_COUNTRIES``, or ``countries=``), given as ``recipient-country``
on the activity or, where the publisher reports the country per transaction, on its
transactions (then only those transactions); and those whose reporting or participating
organizations include one of the organization's own IATI identifiers
(``settings.IATI_ORG_IDS``). Every other activity is listed as skipped, with the reason.

For every activity imported:

* its reporting organization and its funding organizations (``participating-org``
  role 1) become partners: found again by their IATI organization identifier (an
  :class:`ExternalRef` with source ``iati-org``) or by name, acronym or alias,
  otherwise created, their kind taken from the OrganisationType codelist. An
  organization given only by its ``ref`` is created under that ref, its name left to
  complete (and listed);
* its transactions of type 1 (incoming funds), 2 (commitment) and 3 (disbursement),
  and the incoming commitments and pledges (11, 13), become resources *received* by
  the unit, with their currency and transaction date; the stage is pledged, committed
  or disbursed. Negative values (reversals, de-obligations) are kept as negative
  resources, so they net against the activity's totals; values of 0 are skipped.
  Each carries the ExternalRef ``iati`` / ``<iati-identifier>#<n>`` (the n-th
  transaction of the activity), so importing the same file again changes nothing, and
  a corrected file updates the resources it describes.

Every resource and partner goes through its kind's form (the same validation and
scope as the pages). The whole file is one transaction: a real error (not XML, not
IATI, a value that is not a number, a date that is not a date), reported with the
activity, the element and the line, leaves the database as it was. What the standard
allows but the app does not keep as such (rounded sub-cent values, multi-country
activities) is a warning, shown in the summary and never blocking.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from pathlib import Path

from django.conf import settings
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

from .codelists import country_label, is_iati_country, is_iati_currency

SOURCE = "iati"
ORG_SOURCE = "iati-org"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
CENT = Decimal("0.01")

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

#: IATI OrganisationType code -> partner kind (40, multilateral: a UN agency only when
#: its identifier is a UN one, XM-DAC-41…)
ORG_KINDS = {
    "10": "donor",
    "11": "donor",
    "15": "donor",
    "30": "donor",
    "40": "donor",
    "60": "donor",
    "21": "ingo",
    "22": "ingo",
    "23": "ingo",
    "24": "ingo",
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
    line: int | None = None
    #: why the activity was not imported (it does not concern the organization)
    skipped_reason: str = ""
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    #: transactions left out: of value 0, for another country
    zero: int = 0
    other_country: int = 0
    skipped_types: Counter = field(default_factory=Counter)
    #: negative transactions kept: "stage CUR -1,000.00 (date)"
    reversals: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def imported(self) -> bool:
        return not self.skipped_reason


@dataclass
class IatiReport:
    filename: str = ""
    countries: list[str] = field(default_factory=list)
    activities: list[ActivityResult] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    partners_created: list[str] = field(default_factory=list)
    partners_matched: list[str] = field(default_factory=list)
    #: partners created from an identifier alone: their name is to be completed
    partners_to_complete: list[str] = field(default_factory=list)
    #: (stage, currency) -> net total of the file's resources (reversals subtracted)
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

    def all_warnings(self) -> list[str]:
        return [
            _("Activity %(id)s: %(message)s") % {"id": activity.identifier, "message": w}
            for activity in self.activities
            for w in activity.warnings
        ]

    @property
    def ok(self) -> bool:
        return not self.all_problems()

    @property
    def imported(self) -> list[ActivityResult]:
        return [a for a in self.activities if a.imported]

    @property
    def skipped(self) -> list[ActivityResult]:
        return [a for a in self.activities if not a.imported]

    def count(self, name: str) -> int:
        return sum(getattr(a, name) for a in self.activities)

    def reversal_count(self) -> int:
        return sum(len(a.reversals) for a in self.activities)

    def summary(self) -> str:
        text = _(
            "%(activities)s activities: %(imported)s imported, %(skipped_acts)s skipped "
            "(they do not concern %(countries)s); %(created)s resources new, %(updated)s "
            "updated, %(unchanged)s unchanged, of which %(reversals)s reversals (negative); "
            "transactions skipped: %(skipped)s of other types, %(zero)s of value 0, "
            "%(other)s for other countries; partners: %(pnew)s new (%(todo)s to complete), "
            "%(pold)s found; %(warnings)s warnings"
        ) % {
            "activities": len(self.activities),
            "imported": len(self.imported),
            "skipped_acts": len(self.skipped),
            "countries": ", ".join(self.countries),
            "created": self.count("created"),
            "updated": self.count("updated"),
            "unchanged": self.count("unchanged"),
            "reversals": self.reversal_count(),
            "skipped": self.count("skipped"),
            "zero": self.count("zero"),
            "other": self.count("other_country"),
            "pnew": len(self.partners_created),
            "todo": len(self.partners_to_complete),
            "pold": len(self.partners_matched),
            "warnings": len(self.all_warnings()),
        }
        if not self.ok:
            text += "; " + _("%(n)s problems, nothing imported") % {"n": len(self.all_problems())}
        elif not self.committed:
            text += "; " + _("preview only, nothing saved")
        return text

    def totals_lines(self) -> list[str]:
        from django.apps import apps

        stages = dict(apps.get_model("resources", "Resource")._meta.get_field("stage").choices)
        return [
            f"{stages.get(stage, stage)} {currency}: {display(total)}"
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
    """The name in the first of ``langs`` given, else in any language."""
    for lang in langs:
        if names.get(lang):
            return names[lang]
    return next(iter(names.values()), "")


def _code(element, child: str) -> str:
    found = element.find(child)
    return (found.get("code") or "").strip().upper() if found is not None else ""


def _where(element, label: str) -> str:
    """“line 12, transaction 3”: where an element is in the file."""
    return _("line %(line)s, %(label)s") % {"line": element.sourceline, "label": label}


class _Importer:
    def __init__(self, *, user, unit, report: IatiReport, countries, org_ids):
        from django.apps import apps

        from doingoai.core.registry import REGISTRY

        self.user = user
        self.unit = unit
        self.report = report
        self.countries = set(countries)
        self.org_ids = set(org_ids)
        self.Partner = apps.get_model("partners", "Partner")
        self.Resource = apps.get_model("resources", "Resource")
        self.partner_kind = REGISTRY["partners"]
        self.resource_kind = REGISTRY["resources"]
        self.resource_form = self.resource_kind.get_form_class()
        self.partner_ct = ContentType.objects.get_for_model(self.Partner)
        self.resource_ct = ContentType.objects.get_for_model(self.Resource)
        self.partner_matcher = Matcher(self.Partner, PARTNER_MATCH)
        #: org ref and every folded name -> partner, for the whole file
        self.partners: dict[str, object] = {}
        #: keys of organizations that could not be saved (reported once per file)
        self.failed: set[str] = set()
        #: the activity's resources imported before: ExternalRef key -> ref, resource
        self.known_refs: dict[str, ExternalRef] = {}
        self.known_resources: dict[str, object] = {}
        self.file_lang = ""
        self.lang = ""

    # ---------------------------------------------------------------- which activities

    def skip_reason(self, element) -> tuple[str, set[str] | None]:
        """Why the activity does not concern the organization ("" when it does), and the
        countries whose transactions to keep when the publisher gives them per
        transaction (None: all transactions)."""
        refs = {
            (org.get("ref") or "").strip()
            for org in [element.find("reporting-org"), *element.findall("participating-org")]
            if org is not None
        }
        if refs & self.org_ids:
            return "", None
        codes = [
            (rc.get("code") or "").strip().upper() for rc in element.findall("recipient-country")
        ]
        if codes:
            if self.countries & set(codes):
                return "", None
            return _("for %(countries)s") % {
                "countries": ", ".join(country_label(c) for c in codes)
            }, None
        tx_codes = {_code(tx, "recipient-country") for tx in element.findall("transaction")}
        tx_codes.discard("")
        if tx_codes & self.countries:
            return "", self.countries
        if tx_codes:
            return _("its transactions are for %(countries)s") % {
                "countries": ", ".join(country_label(c) for c in sorted(tx_codes))
            }, None
        regions = [rr.get("code") or "" for rr in element.findall("recipient-region")]
        if regions:
            return _("for a region (%(codes)s), no recipient country") % {
                "codes": ", ".join(regions)
            }, None
        return _("no recipient country"), None

    def share_warning(self, element, result: ActivityResult) -> None:
        shares = {
            (rc.get("code") or "").upper(): rc.get("percentage") or ""
            for rc in element.findall("recipient-country")
        }
        if len(shares) > 1:
            mine = ", ".join(f"{c} {shares[c]}%" for c in sorted(self.countries & set(shares)))
            result.warnings.append(
                _(
                    "the activity is for %(n)s countries (%(mine)s); its transactions are "
                    "imported whole"
                )
                % {"n": len(shares), "mine": mine}
            )

    # ---------------------------------------------------------------- partners

    def partner(self, element, result: ActivityResult):
        """The partner of an organization element (reporting-org, participating-org,
        provider-org), matched or created; None when the element names nobody."""
        if element is None:
            return None
        ref = (element.get("ref") or element.get("provider-org-ref") or "").strip()
        names = _narratives(element, self.lang)
        keys = [k for k in [ref, *(fold(n) for n in names.values())] if k]
        if not keys:
            return None
        for key in keys:
            if key in self.partners:
                return self._remember(self.partners[key], keys, ref)
        if any(key in self.failed for key in keys):
            return None
        partner = self._find_partner(ref, names)
        if partner is not None:
            self.report.partners_matched.append(str(partner))
        else:
            partner = self._create_partner(ref, names, element, result)
            if partner is None:
                self.failed.update(keys)
                return None
            self.report.partners_created.append(str(partner))
        return self._remember(partner, keys, ref)

    def _remember(self, partner, keys, ref):
        for key in keys:
            self.partners[key] = partner
        if (
            ref
            and not ExternalRef.objects.filter(
                content_type=self.partner_ct, source=ORG_SOURCE, key=ref
            ).exists()
        ):
            ExternalRef.objects.create(
                content_type=self.partner_ct, object_id=partner.pk, source=ORG_SOURCE, key=ref
            )
        return partner

    def _find_partner(self, ref, names):
        if ref:
            ext = ExternalRef.objects.filter(
                content_type=self.partner_ct, source=ORG_SOURCE, key=ref
            ).first()
            if ext is not None:
                partner = self.Partner.objects.filter(pk=ext.object_id).first()
                if partner is not None:
                    return partner
        for candidate in [_best(names, "vi", "en"), *names.values(), ref]:
            if candidate:
                found = self.partner_matcher.find(candidate)
                if len(found) == 1:
                    return found[0]
        return None

    def _partner_country(self, ref: str) -> str:
        """The country of the registration agency (``GB-GOV-1``: GB), never where the
        activity takes place; international identifiers and unknown prefixes give the
        first country imported (the partner's country is required)."""
        from doingoai.core.countries import is_country

        prefix = ref.split("-", 1)[0].upper() if "-" in ref else ""
        if prefix and prefix not in NON_COUNTRY_PREFIXES and is_country(prefix):
            return prefix
        return next((c for c in sorted(self.countries) if is_country(c)), "VN")

    def _create_partner(self, ref, names, element, result: ActivityResult):
        name_en = names.get("en", "")
        name_vi = _best(names, "vi", "en") or ref
        org_type = element.get("type") or ""
        kind = ORG_KINDS.get(org_type, "donor")
        if org_type == "40" and ref.upper().startswith("XM-DAC-41"):
            kind = "un_agency"
        prefix = ref.split("-", 1)[0].upper() if "-" in ref else ""
        notes = _("Created from an IATI file (organization %(ref)s).") % {"ref": ref or "—"}
        if not names:
            notes += " " + _("The file gives only its identifier: complete its name.")
        data = {
            "name_vi": name_vi[:300],
            "name_en": name_en[:300],
            "aliases": [ref] if ref else [],
            "kind": kind,
            "level": "international" if prefix in NON_COUNTRY_PREFIXES else "national",
            "country": self._partner_country(ref),
            "unit": self.unit.pk,
            "notes": notes,
            # every name of the file was looked for first; a near match is listed as a
            # new partner in the summary for the officer to merge, not a reason to stop
            "confirm_different": True,
        }
        try:
            partner = record_save(kind=self.partner_kind, acting_user=self.user, data=data).obj
        except RecordRefused as exc:
            for error in exc.errors:
                result.problems.append(
                    _("%(where)s, organization “%(name)s”: %(error)s")
                    % {"where": _where(element, element.tag), "name": name_vi, "error": error}
                )
            return None
        if not names:
            self.report.partners_to_complete.append(ref)
        for name in [name_vi, *names.values()]:
            self.partner_matcher.cache[Matcher.key(name)] = [partner]
        return partner

    # ---------------------------------------------------------------- activities

    def activity(self, element) -> ActivityResult:
        identifier = " ".join((element.findtext("iati-identifier") or "").split())
        result = ActivityResult(identifier=identifier or "?", line=element.sourceline)
        self.report.activities.append(result)
        self.lang = element.get(XML_LANG) or self.file_lang
        title = _best(_narratives(element.find("title"), self.lang), "vi", "en") or identifier
        result.title = title
        if not identifier:
            result.problems.append(
                _("%(where)s: the activity has no iati-identifier.")
                % {"where": _where(element, "iati-activity")}
            )
            return result
        result.skipped_reason, keep = self.skip_reason(element)
        if result.skipped_reason:
            return result
        self.share_warning(element, result)
        reporting = self.partner(element.find("reporting-org"), result)
        funders = [
            self.partner(org, result)
            for org in element.findall("participating-org")
            if org.get("role") == "1"
        ]
        funders = [f for f in funders if f is not None]
        context = {
            "identifier": identifier,
            "title": title,
            "funder": funders[0] if funders else reporting,
            "currency": (element.get("default-currency") or "").upper(),
        }
        self.known(identifier)
        for index, tx in enumerate(element.findall("transaction"), 1):
            self.transaction(tx, index, keep, context, result)
        return result

    def transaction(self, tx, index: int, keep, context: dict, result: ActivityResult):
        code = _code(tx, "transaction-type")
        stage = TRANSACTION_STAGES.get(code)
        if stage is None:
            result.skipped += 1
            result.skipped_types[code or "?"] += 1
            return
        if keep is not None and _code(tx, "recipient-country") not in keep:
            result.other_country += 1
            return
        where = _where(tx, _("transaction %(n)s") % {"n": index})
        amount = self.amount(tx, where, result)
        currency = self.currency(tx, where, context["currency"], result)
        date = self.date(tx, where, result)
        if amount is None or currency is None or date is None:
            return
        if amount == 0:
            result.zero += 1
            return
        provider = self.partner(tx.find("provider-org"), result)
        partner = provider or context["funder"]
        description = _best(_narratives(tx.find("description"), self.lang), "vi", "en")
        exact = (tx.findtext("value") or "").strip()
        notes = f"IATI {context['identifier']}, #{index}"
        if Decimal(exact) != amount:
            notes += f" ({exact} {currency})"
        data = {
            "title": f"{context['title']} — {TRANSACTION_NAMES[code]} {date:%d/%m/%Y}"[:400],
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
            "notes": notes + (f": {description}" if description else ""),
        }
        if not self.resource(result, f"{context['identifier']}#{index}", data, where):
            return
        if amount < 0:
            result.reversals.append(
                f"#{index} {stage} {currency} {display(amount)} ({date:%d/%m/%Y})"
            )
        key = (stage, currency)
        self.report.totals[key] = self.report.totals.get(key, Decimal(0)) + amount

    def amount(self, tx, where: str, result: ActivityResult) -> Decimal | None:
        value = tx.find("value")
        text = (value.text or "").strip() if value is not None else ""
        if not text:
            result.problems.append(_("%(where)s: the value is missing.") % {"where": where})
            return None
        try:
            exact = Decimal(text)
            if not exact.is_finite():
                raise InvalidOperation
        except InvalidOperation:
            result.problems.append(
                _("%(where)s, value: “%(value)s” is not a number.")
                % {"where": where, "value": text}
            )
            return None
        amount = exact.quantize(CENT, rounding=ROUND_HALF_EVEN)
        if amount != exact:
            result.warnings.append(
                _("%(where)s: %(exact)s rounded to %(amount)s (the exact value is in the notes).")
                % {"where": where, "exact": text, "amount": amount}
            )
        return amount

    def currency(self, tx, where: str, default: str, result: ActivityResult) -> str | None:
        value = tx.find("value")
        currency = ((value.get("currency") if value is not None else "") or default).upper()
        if not currency:
            result.problems.append(
                _("%(where)s: no currency (value/@currency or default-currency).")
                % {"where": where}
            )
            return None
        if not is_iati_currency(currency):
            result.problems.append(
                _("%(where)s: “%(code)s” is not on the IATI Currency codelist.")
                % {"where": where, "code": currency}
            )
            return None
        return currency

    def date(self, tx, where: str, result: ActivityResult) -> dt.date | None:
        """The transaction's own date, else the value date (the exchange-rate date)."""
        tx_date = tx.find("transaction-date")
        value = tx.find("value")
        text = (tx_date.get("iso-date") if tx_date is not None else "") or (
            value.get("value-date") if value is not None else ""
        )
        try:
            return dt.date.fromisoformat((text or "")[:10])
        except ValueError:
            result.problems.append(
                _("%(where)s, transaction-date: “%(value)s” is not a date.")
                % {"where": where, "value": text or ""}
            )
            return None

    def known(self, identifier: str) -> None:
        """The resources imported before from this activity, in two queries."""
        refs = {
            ext.key: ext
            for ext in ExternalRef.objects.filter(
                content_type=self.resource_ct, source=SOURCE, key__startswith=f"{identifier}#"
            )
        }
        ids = [ext.object_id for ext in refs.values()]
        mine = {r.pk: r for r in self.resource_kind.scoped(self.user, CHANGE).filter(pk__in=ids)}
        self.known_refs = refs
        self.known_resources = {key: mine.get(ext.object_id) for key, ext in refs.items()}

    def resource(self, result: ActivityResult, key: str, values: dict, where: str) -> bool:
        ext = self.known_refs.get(key)
        instance = None
        if ext is not None:
            instance = self.known_resources.get(key)
            if instance is None:
                if self.Resource.objects.filter(pk=ext.object_id).exists():
                    result.problems.append(
                        _("%(where)s was imported before into a record you may not change.")
                        % {"where": where}
                    )
                    return False
                ext.delete()
                ext = None
        if instance is not None and _same(instance, values):
            result.unchanged += 1
            return True
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
        instance.negative_allowed = True  # reversals are data (IATI value is signed)
        form = self.resource_form(data, instance=instance, user=self.user)
        if form.is_valid() and not adding and not (set(form.changed_data) - {"version"}):
            result.unchanged += 1
            return True

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
            return False
        if adding:
            result.created += 1
        else:
            result.updated += 1
        return True


#: the fields an import sets; a resource equal on all of them is unchanged
COMPARED = ("direction", "unit_value", "currency", "date", "stage", "quantity")


def _same(instance, values: dict) -> bool:
    """Whether a resource already holds what the file says (no form needed)."""
    return (
        all(getattr(instance, name) == values[name] for name in COMPARED)
        and instance.partner_id == values["partner"]
        and instance.unit_id == values["unit"]
    )


def parse(path) -> object:
    """The XML tree of an IATI file, read safely (no entities, no network)."""
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True
    )
    return etree.parse(str(path), parser)


def _root(path, tree, report: IatiReport):
    """The ``iati-activities`` element of the file, or None with the problem reported."""
    from lxml import etree

    if tree is None:
        try:
            tree = parse(path)
        except (OSError, etree.XMLSyntaxError) as exc:
            report.problems.append(_("The file is not readable XML: %(error)s") % {"error": exc})
            return None
    root = tree.getroot()
    if root.tag != "iati-activities":
        report.problems.append(
            _("The file is not an IATI activities file (its root is “%(tag)s”).")
            % {"tag": root.tag}
        )
        return None
    version = root.get("version", "")
    if not version.startswith("2."):
        report.problems.append(
            _("IATI version “%(version)s” is not supported (2.0x is).") % {"version": version}
        )
        return None
    return root


def import_iati(
    path,
    *,
    unit,
    user,
    commit: bool = True,
    progress=None,
    countries=None,
    org_ids=None,
    tree=None,
) -> IatiReport:
    """Import the activities of an IATI activities file (``path``, or its parsed
    ``tree``) that concern the organization as resources received by ``unit``.

    ``countries``: the recipient countries to import (default ``settings.IATI_COUNTRIES``);
    ``org_ids``: the organization's own IATI identifiers (default
    ``settings.IATI_ORG_IDS``)."""
    countries = [c.strip().upper() for c in (countries or settings.IATI_COUNTRIES) if c.strip()]
    report = IatiReport(filename=Path(str(path)).name, countries=countries)
    if not role_allows(user, ADD):
        raise PermissionDenied
    unknown = [c for c in countries if not is_iati_country(c)]
    if unknown:
        report.problems.append(
            _("“%(codes)s” is not on the IATI Country codelist.") % {"codes": ", ".join(unknown)}
        )
        return report
    root = _root(path, tree, report)
    if root is None:
        return report
    if not type(unit)._default_manager.restrict(user, "view").filter(pk=unit.pk).exists():
        report.problems.append(_("The unit “%(unit)s” is outside your scope.") % {"unit": unit})
        return report
    activities = root.findall("iati-activity")
    with bulk_work(), transaction.atomic():
        importer = _Importer(
            user=user,
            unit=unit,
            report=report,
            countries=countries,
            org_ids=settings.IATI_ORG_IDS if org_ids is None else org_ids,
        )
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
                activities=len(report.imported),
                created=report.count("created"),
                updated=report.count("updated"),
            )
    return report
