"""Turning the names a news article uses into the records they name: units of the
user's scope, partners of the shared directory (or proposals for new ones), the
agreement mentioned and the places (ISO 3166 country and subdivision codes)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from django.db.models import Q
from rapidfuzz import fuzz

from doingoai.core.countries import find_subdivision
from doingoai.core.scope import VIEW
from doingoai.core.text import fold

from .gazetteer import find_places, match_place

# Words that make a unit's name but not its area: "Hội LHPN tỉnh Đắk Lắk" -> "dak lak".
_UNIT_WORDS = re.compile(
    r"^(?:trung uong )?(?:hoi lien hiep phu nu|hoi lhpn|hoi lh phu nu|lien hiep phu nu|hoi phu nu|"
    r"hlhpn)\s*"
    r"(?:cac cap\s*)?"
)
_LEVEL_WORDS = re.compile(
    r"^(?:(?:tinh|thanh pho|tp\.?|thu do|xa|phuong|dac khu|huyen|quan|"
    r"thi xa|thi tran)\s+|tp\.)"  # "TP.Tam Kỳ": the name glued to "TP."
)
PARTNER_THRESHOLD = 88.0


def _unit_core(name: str) -> str:
    folded = fold(name)
    folded = _UNIT_WORDS.sub("", folded)
    return _LEVEL_WORDS.sub("", folded).strip()


def unit_key(name: str) -> str:
    """What a unit's name designates, as :func:`match_units` finds it: its area without the
    union's words and the level word ("Hội LHPN Thành phố Huế" and "Hội Liên hiệp Phụ nữ
    thành phố Huế", "Hội Liên hiệp Phụ nữ Thành phố Phú Quốc" and "Hội Liên hiệp Phụ nữ
    Phú Quốc" are one unit)."""
    return _unit_core(name) or fold(name)


def match_units(names: list[str], user) -> list:
    """Units of the user's scope named in the article, in the article's order.

    A name matches a unit whose folded name equals it ("Hội LHPN tỉnh Đắk Lắk"), or
    whose administrative area is what the name is about ("Đắk Lắk", "Việt Nam" for
    the central union). Current units win over merged ones, provinces over communes.
    """
    from doingoai.organization.models import Unit

    scoped = Unit.objects.restrict(user, VIEW)
    level_rank = {"central": 0, "province": 1, "district": 2, "commune": 3}
    found = []
    for name in names:
        folded, core = fold(name), _unit_core(name)
        if not core:
            continue
        if core in ("viet nam", "vn") or folded in ("trung uong hoi", "hoi lhpn viet nam"):
            candidates = list(scoped.filter(level="central"))
        else:
            candidates = [
                u
                for u in scoped.filter(search_text__contains=core)[:200]
                if fold(u.name) == folded or fold(u.area_name) == core
            ]
        if not candidates:
            continue
        candidates.sort(
            key=lambda u: (
                fold(u.name) != folded,
                u.valid_to is not None,
                level_rank.get(u.level, 9),
                u.pk,
            )
        )
        if candidates[0] not in found:
            found.append(candidates[0])
    return found


@dataclass
class PartnerMatch:
    """A partner name from the article: the existing partner it names, if any, and
    what a new partner would be made of."""

    name: str
    partner: object | None = None
    score: float = 0.0
    country: str = ""
    subdivision: str = ""
    kind: str = "other"
    alternatives: list = field(default_factory=list)


def _partner_kind(folded: str) -> str:
    if re.search(r"\b(?:phu nu|women|lhpn|hlhpn)\b", folded):
        return "womens_union"
    if re.search(r"\b(?:dai su quan|lanh su|embassy|consulate)\b", folded):
        return "embassy"
    if re.search(r"\b(?:doanh nghiep|hiep hoi|cong ty|tap doan|phong thuong mai)\b", folded):
        return "business"
    if re.search(r"\b(?:dai hoc|truong|hoc vien|vien)\b", folded):
        return "university"
    if re.search(r"\b(?:so|bo|uy ban|chinh quyen|chinh phu)\b", folded):
        return "government"
    if re.search(
        r"\bun\b|unfpa|undp|unicef|unesco|unhcr|unodc|unaids|\bwho\b|\bfao\b|"
        r"\bilo\b|\biom\b",
        folded,
    ):
        return "un_agency"
    if re.search(r"koica|jica|usaid|giz|dfat|quy ", folded):
        return "donor"
    return "other"


def _place_of(name: str) -> tuple[str, str]:
    """(country, subdivision) of the places a partner's name contains."""
    from .extraction import KNOWN_PARTNERS

    country = subdivision = ""
    for hit in find_places(name):
        m = hit.match
        if m.kind == "subdivision":
            return m.country, m.code
        if re.search(r"(?:\btại|\bở)\s+$", name[: hit.start]) or (
            hit.end == len(name.rstrip()) and _is_branch(name)
        ):
            # "CARE Quốc tế tại Việt Nam", "Microsoft Việt Nam": the seat of an office or a
            # branch, not the organisation's
            continue
        if m.kind in ("country", "region") and not country:
            country = m.country or m.code
    if not country:
        for alias, code in KNOWN_PARTNERS.items():
            if alias.lower() in name.lower() and code:
                country = code
                break
    return country, subdivision


# Words an acronym may leave out: "Korea Foundation for International Healthcare" -> KOFIH.
_ACRONYM_SKIPPABLE = {
    "of",
    "for",
    "the",
    "and",
    "on",
    "in",
    "to",
    "a",
    "an",
    "de",
    "du",
    "des",
    "la",
    "le",
    "fur",
    "und",
    "et",
    "y",
    "del",
    "della",
    "van",
    "voor",
}
_ACRONYM_SHAPE = re.compile(r"[A-Z][A-Za-z0-9&]*[A-Z][A-Za-z0-9&]*")
_PARENTHESISED = re.compile(r"\(([^()]{2,40})\)")


def _squash(name: str) -> str:
    """A name without case, accents, spaces or punctuation: "UN-Women" -> "unwomen"."""
    return re.sub(r"[^0-9a-z]", "", fold(name))


_DSQ = re.compile(r"^(?:dsq|tlsq)\b")
_MISSION_WORDS = {"dsq": "dai su quan", "tlsq": "tong lanh su quan"}
_ORGANISATION_WORD = re.compile(r"^to chuc\s+")
#: the seat after a body's name: "... tại Hà Nội", "... tại Việt Nam"
_SEAT = re.compile(r"(?<=\w)\s+tai\s+\S.*$")


_HEADED_ACRONYM = re.compile(
    r"^(?i:quỹ|tổ\s+chức|công\s+ty|tập\s+đoàn)\s+(?P<acronym>[A-Z][A-Za-z0-9&]*[A-Z][A-Za-z0-9&]*)$"
)


def _own_acronym(name: str) -> str:
    """The acronym a name gives itself in parentheses: "Công ty Procter & Gamble (P&G) Việt
    Nam" -> "P&G"; "" if none."""
    own = _PARENTHESISED.search(name)
    if own and _ACRONYM_SHAPE.fullmatch(own.group(1).strip()):
        return own.group(1).strip()
    return ""


def organisation_key(name: str) -> str:
    """What a partner name designates, to tell whether two names name the same
    organisation: the known organisation it contains (the longest known name of
    ``KNOWN_PARTNERS`` in it, as its usual alias: "CARE Quốc tế tại Việt Nam" and "CARE",
    "Tổ chức Plan International" and "Plan Quốc tế", "World Vision Japan" and "World
    Vision" give one key); otherwise the folded name, with "ĐSQ"/"TLSQ" read as "Đại sứ
    quán"/"Tổng lãnh sự quán" and a leading "Tổ chức" left out ("Tổ chức BDCF", "BDCF")."""
    from .extraction import KNOWN_PARTNERS, SAME_ORGANISATION

    # "Công ty Procter & Gamble (P&G) Việt Nam" and "P&G": a name that gives its own
    # acronym in parentheses names what the acronym names
    own = _own_acronym(name)
    if own:
        return organisation_key(own)
    # "Quỹ AIP" and "AIP", "Tổ chức JIFF" and "JIFF": a head word before an acronym
    headed = _HEADED_ACRONYM.match(name.strip())
    if headed:
        return organisation_key(headed.group("acronym"))
    folded = " ".join(fold(name).split())
    best = ""
    for alias in KNOWN_PARTNERS:
        key = " ".join(fold(alias).split())
        if len(key) > len(best) and re.search(rf"(?<!\w){re.escape(key)}(?!\w)", folded):
            best = key
    if best:
        canonical = {fold(a): fold(c) for a, c in SAME_ORGANISATION.items()}
        return canonical.get(best, best)
    folded = _DSQ.sub(
        lambda m: "dai su quan" if m.group(0) == "dsq" else "tong lanh su quan", folded
    )
    # "Đại sứ quán Úc tại Hà Nội" and "Đại sứ quán Úc": the seat written or not, one body
    folded = _SEAT.sub("", folded)
    # "Đại sứ quán Liên bang Nga", "Đại sứ quán Nga"; "Đại sứ quán Mỹ", "Đại sứ quán Hoa Kỳ":
    # a country's mission, whatever name of the country is written
    mission = _MISSION_OF.match(folded)
    if mission:
        from .gazetteer import match_place

        country = match_place(mission.group("country"))
        if country is not None and country.kind == "country":
            return f"{mission.group('head')} {country.code}"
    folded = _ORGANISATION_WORD.sub("", folded)
    # "Công ty Panasonic", "Tập đoàn LG": a company is one body with its legal form or without
    company = _COMPANY_WORD.sub("", folded)
    if company != folded and company:
        folded = company
    # "Microsoft Việt Nam" and "Microsoft": a foreign firm's or body's Vietnamese branch,
    # named in a foreign language ("Hội Phụ nữ Việt Nam" is no branch)
    if _is_branch(name):
        folded = _VN_SUFFIX.sub("", folded)
    return folded


def _is_branch(name: str) -> bool:
    """A foreign firm's or body's Vietnamese branch: "Microsoft Việt Nam", "Công ty TNHH
    Unilever Việt Nam" (a name in a foreign language, then "Việt Nam"); "Hội Phụ nữ Việt
    Nam" is none."""
    branch = _BRANCH.search(name.strip())
    return bool(branch) and not _VIETNAMESE_WORD.search(
        _COMPANY_WORD_WRITTEN.sub("", branch.group("name"))
    )


#: a company's legal form before its name, folded: "công ty TNHH", "tổng công ty",
#: "tập đoàn"
_COMPANY_WORD = re.compile(
    r"^(?:tong\s+)?(?:cong\s+ty|tap\s+doan)"
    r"(?:\s+(?:tnhh|cp|co\s+phan|trach\s+nhiem\s+huu\s+han)(?:\s+(?:mtv|mot\s+thanh\s+vien))?)?\s+"
)
_COMPANY_WORD_WRITTEN = re.compile(
    r"^(?i:tổ\s+chức|(?:tổng\s+)?(?:công\s+ty|tập\s+đoàn)"
    r"(?:\s+(?:tnhh|cp|cổ\s+phần)(?:\s+(?:mtv|một\s+thành\s+viên))?)?)\s+"
)
#: a name written with "Việt Nam" last, as a branch is: "Unilever Việt Nam"
_BRANCH = re.compile(r"^(?P<name>.+?)\s+(?:Việt\s+Nam|VN)\s*$")
_VN_SUFFIX = re.compile(r"\s+(?:viet\s+nam|vn)$")
#: a word with a letter only Vietnamese writes (a tone or a vowel's mark)
_VIETNAMESE_WORD = re.compile(
    r"[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.IGNORECASE
)


_MISSION_OF = re.compile(
    r"^(?P<head>dai su quan|tong lanh su quan|lanh su quan)\s+(?:nuoc\s+)?"
    r"(?:(?:cong hoa(?: dan chu nhan dan| xa hoi chu nghia)?|lien bang|vuong quoc|"
    r"hop chung quoc|nha nuoc)\s+)?(?P<country>.+)$"
)


_PLACE_LEVEL = re.compile(r"^(?:(?:tinh|thanh pho|tp|thu do|thu phu)\s+|tp(?=hcm$))")
# short forms of one city's name, after the level word is taken off ("TP.HCM", "TPHCM")
_PLACE_SHORT = {"hcm": "ho chi minh"}


def place_key(name: str) -> str:
    """What a place name designates, to tell whether two names name one place: the folded
    name without a leading "tỉnh", "thành phố"/"TP", "thủ đô" ("tỉnh An Giang" and "An
    Giang", "thủ đô Moskva" and "Moskva" are one place, as the activity form's place lines
    make them; "TP.HCM", "TPHCM" and "thành phố Hồ Chí Minh" likewise). A district or
    commune keeps its level word ("huyện Trấn Yên")."""
    key = _PLACE_LEVEL.sub("", " ".join(fold(name).split()))
    return _PLACE_SHORT.get(key, key)


def is_acronym(name: str) -> bool:
    """Does the article write an organisation by acronym ("KOICA", "AusAID", "UN Women")?"""
    from .extraction import KNOWN_PARTNERS

    stripped = name.strip().replace(".", "")
    if _ACRONYM_SHAPE.fullmatch(stripped) and len(stripped) <= 12:
        return True
    return (
        name.strip() in KNOWN_PARTNERS
        and len(stripped.split()) <= 2
        and any(_ACRONYM_SHAPE.fullmatch(w) for w in stripped.split())
    )


def initials_give(acronym: str, name: str) -> bool:
    """Do the words of ``name`` spell ``acronym``, each giving its first one or two
    letters in order (small words such as "for" may be left out)?

    Korea International Cooperation Agency -> KOICA, Japan International Cooperation
    Agency -> JICA, United States Agency for International Development -> USAID.
    """
    letters = _squash(acronym)
    words = [w for w in re.split(r"[^0-9a-z]+", fold(re.sub(r"['’]s\b", "", name))) if w]
    if len(letters) < 2 or len(words) < 2 or len(words) > 12:
        return False

    def spell(i: int, j: int) -> bool:
        if j == len(words):
            return i == len(letters)
        word = words[j]
        if word in _ACRONYM_SKIPPABLE and spell(i, j + 1):
            return True
        return any(
            letters[i : i + k] == word[:k] and spell(i + k, j + 1)
            for k in (1, 2)
            if k <= len(word) and i + k <= len(letters)
        )

    return spell(0, 0)


def acronym_score(name: str, partner) -> float:
    """100 when the article's acronym ``name`` is the partner's acronym, one of its
    aliases, an acronym its names give in parentheses ("... Hàn Quốc (KOICA)"), or
    the initials of its English (or own-language) name; else 0."""
    key = _squash(name)
    if not key:
        return 0.0
    if any(_squash(n) == key for n in (partner.acronym, *(partner.aliases or [])) if n):
        return 100.0
    names = [n for n in (partner.name_vi, partner.name_en, partner.name_local) if n]
    if any(_squash(p) == key for n in names for p in _PARENTHESISED.findall(n)):
        return 100.0
    if any(initials_give(name, n) for n in (partner.name_en, partner.name_local) if n):
        return 100.0
    return 0.0


_PARTNER_FIELDS = (
    "pk",
    "name_vi",
    "name_en",
    "name_local",
    "acronym",
    "aliases",
    "subdivision",
    "country",
    "kind",
    "level",
)


def _acronym_candidates(name: str, country: str) -> list:
    """Partners whose English or own-language name may spell the acronym ``name``:
    the names that start with its first letter (or with a small word)."""
    from doingoai.partners.models import Partner

    first = _squash(name)[:1]
    if not first:
        return []
    cond = Q()
    for field_name in ("name_en", "name_local"):
        cond |= Q(**{f"{field_name}__istartswith": first})
        for word in ("the ", "la ", "le "):
            cond |= Q(**{f"{field_name}__istartswith": word})
    qs = Partner.objects.filter(cond)
    if country:
        qs = qs.filter(Q(country=country) | Q(country=""))
    return [p for p in qs.only(*_PARTNER_FIELDS).order_by("pk")[:2000] if acronym_score(name, p)]


@functools.cache
def _known_names() -> dict[str, tuple[str, ...]]:
    """Every known name of each known organisation, folded, by the key
    :func:`organisation_key` gives it ("who": "who", "to chuc y te the gioi")."""
    from .extraction import KNOWN_PARTNERS

    names: dict[str, list[str]] = {}
    for alias in KNOWN_PARTNERS:
        names.setdefault(organisation_key(alias), []).append(" ".join(fold(alias).split()))
    return {key: tuple(found) for key, found in names.items()}


def _known_name_lookup(key: str) -> Q:
    """The directory's partners under another known name of the organisation ``key``
    (:func:`organisation_key`) names: "Tổ chức Y tế thế giới" finds a partner held as
    "WHO", "UNODC" one held by its Vietnamese name. An acronym is looked up as a whole
    name, not inside others."""
    cond = Q()
    for other in _known_names().get(key, ()):
        if len(other) >= 6:
            cond |= Q(search_text__contains=other)
        else:
            cond |= Q(acronym__iexact=other) | Q(name_vi__iexact=other) | Q(name_en__iexact=other)
    return cond


def _candidates(name: str, country: str, key: str):
    from doingoai.partners.duplicates import GENERIC_WORDS
    from doingoai.partners.models import Partner

    words = [w for w in fold(name).split() if w not in GENERIC_WORDS and len(w) >= 3]
    # the rarest-looking words first: long ones
    words.sort(key=len, reverse=True)
    cond = Q()
    for w in words[:3]:
        cond |= Q(search_text__contains=w)
    if not words:
        cond = Q(search_text__contains=fold(name))
    own = _own_acronym(name)
    if own:
        # "Công ty Procter & Gamble (P&G) Việt Nam": the directory may hold the acronym
        cond |= Q(search_text__contains=fold(own))
    cond |= _known_name_lookup(key)
    qs = Partner.objects.filter(cond)
    if country:
        qs = qs.filter(Q(country=country) | Q(country=""))
    found = list(qs.only(*_PARTNER_FIELDS)[:300])
    if is_acronym(name):
        known = {p.pk for p in found}
        found += [p for p in _acronym_candidates(name, country) if p.pk not in known]
    return found


def match_partners(names: list[str]) -> list[PartnerMatch]:
    """Each partner name matched to the shared directory (any spelling, aliases
    included) or proposed as a new partner with its country and subdivision.

    A name written as an acronym ("KOICA", "UN Women") matches a partner whose
    acronym or aliases hold it, or whose English name's initials give it."""
    from doingoai.partners.duplicates import name_similarity

    out = []
    for name in names:
        country, subdivision = _place_of(name)
        match = PartnerMatch(
            name=name, country=country, subdivision=subdivision, kind=_partner_kind(fold(name))
        )
        acronym = is_acronym(name)
        key = organisation_key(name)
        scored = []
        for partner in _candidates(name, country, key):
            if subdivision and partner.subdivision and partner.subdivision != subdivision:
                continue
            own = [
                n
                for n in (
                    partner.name_vi,
                    partner.name_en,
                    partner.name_local,
                    partner.acronym,
                    *(partner.aliases or []),
                )
                if n
            ]
            best = max(
                (max(name_similarity(name, n), fuzz.ratio(fold(name), fold(n))) for n in own),
                default=0.0,
            )
            if best < 100 and any(key == organisation_key(n) for n in own):
                # "CARE Quốc tế tại Việt Nam" and a partner named "CARE": one organisation
                best = 100.0
            if acronym and best < 100:
                # "KOICA": its acronym, an alias or the initials of its English name
                best = max(best, acronym_score(name, partner))
            if (
                best < PARTNER_THRESHOLD
                and subdivision
                and partner.subdivision == subdivision
                and partner.kind == match.kind
                and match.kind == "womens_union"
                and partner.level in ("", "provincial")
            ):
                # "Hội LHPN tỉnh Chămpasăk" and the women's union of Chămpasăk province
                # by another name: likely the same, but a real name match wins
                best = PARTNER_THRESHOLD
            if best >= PARTNER_THRESHOLD - 20:
                scored.append((best, partner))
        scored.sort(key=lambda t: (-t[0], t[1].pk))
        if scored and scored[0][0] >= PARTNER_THRESHOLD:
            match.score, match.partner = scored[0]
        match.alternatives = [p for s, p in scored[:5] if p is not match.partner]
        out.append(match)
    return out


def match_agreement(title: str | None, user, *, unit=None):
    """The agreement of the user's scope whose title the article names."""
    from doingoai.agreements.models import Agreement

    if not title:
        return None
    target = fold(title)
    words = sorted((w for w in target.split() if len(w) >= 4), key=len, reverse=True)[:3]
    cond = Q()
    for w in words:
        cond &= Q(search_text__contains=w)
    qs = Agreement.objects.restrict(user, VIEW).filter(cond).only("pk", "title", "unit_id")
    best, best_score = None, 0.0
    for agreement in qs[:200]:
        score = fuzz.partial_ratio(target, fold(agreement.title))
        if unit is not None and agreement.unit_id == unit.pk:
            score += 5
        if score > best_score:
            best, best_score = agreement, score
    return best if best_score >= 85 else None


def place_lines(extraction: dict) -> list[str]:
    """Places of the article as lines of the activity form: "LA, LA-AT"."""
    lines: list[str] = []
    countries_with_sub: set[str] = set()
    for code in extraction.get("subdivisions") or []:
        country = code.split("-")[0]
        countries_with_sub.add(country)
        line = f"{country}, {code}"
        if line not in lines:
            lines.append(line)
    for text in extraction.get("places") or []:
        m = match_place(text)
        if m is None:
            continue
        if m.kind == "vn_province":
            sub = find_subdivision("VN", m.canonical_name)
            line = f"VN, {sub}" if sub else f"VN, , {m.canonical_name}"
            countries_with_sub.add("VN")
            if line not in lines:
                lines.append(line)
    for country in extraction.get("countries") or []:
        if country not in countries_with_sub and country not in lines:
            lines.append(country)
    return lines
