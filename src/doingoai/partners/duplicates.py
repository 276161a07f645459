"""Partners that probably are the same organization: the shared directory must not
hold two "UN Women". Names are compared on their distinctive words, phonetically
("Chămpasăk" = "Champasak"), whatever the wording around them ("Hội LHPN" / "Women's
Union"); candidates come from the search index."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz import fuzz

from doingoai.core.searchindex import candidate_ids, phonetic
from doingoai.core.text import fold

#: words that say what an organization is, not which one
GENERIC_WORDS = set(
    """hoi lien hiep phu nu lhpn tinh thanh pho quoc gia trung uong cua va cong hoa dan chu
    nhan dan to chuc uy ban ban so bo vien truong dai hoc dai su quan lanh tong
    women womens woman union unions of the and for province provincial national central
    association federation organization organisation committee council department ministry
    embassy consulate general university institute people s lao""".split()
)


def name_core(name: str, extra_generic: Iterable[str] = ()) -> str:
    words = fold(name).split()
    generic = GENERIC_WORDS | set(extra_generic)
    core = [w for w in words if w not in generic]
    return " ".join(core) if core else " ".join(words)


def name_similarity(a: str, b: str, extra_generic: Iterable[str] = ()) -> float:
    """0-100: how probably two organization names name the same organization."""
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return 0.0
    if phonetic(fa) == phonetic(fb):
        return 100.0
    ca = " ".join(phonetic(w) for w in name_core(fa, extra_generic).split())
    cb = " ".join(phonetic(w) for w in name_core(fb, extra_generic).split())
    core = fuzz.token_sort_ratio(ca, cb)
    if phonetic(ca) == phonetic(cb):
        core = 100.0
    whole = fuzz.token_sort_ratio(fa, fb)
    if core >= 95 and len(phonetic(ca)) >= 4:
        # the distinctive part is the same: the rest is wording ("Hội LHPN" / "Women's Union")
        return round(90 + whole / 10, 1)
    return round(0.7 * core + 0.3 * whole, 1)


@lru_cache(maxsize=256)
def _country_words(country: str) -> frozenset[str]:
    from doingoai.core.countries import country_name

    words = set()
    for lang in ("vi", "en"):
        words |= set(fold(country_name(country, lang)).split())
    return frozenset(words)


def partner_names(partner) -> list[str]:
    """The names a partner is known by (not the names of its province)."""
    names = [
        partner.name_vi,
        partner.name_en,
        partner.name_local,
        partner.acronym,
        *(partner.aliases or []),
    ]
    return [n for n in names if n]


#: a partner of another country (or none) is still a likely duplicate ("UN Women" added
#: with Việt Nam, its country office, is the "UN Women" of the directory), only a
#: little less likely than one of the same country
OTHER_COUNTRY_PENALTY = 5.0


def likely_duplicates(
    *, names, country="", subdivision="", exclude_pk=None, threshold=80.0, limit=5
) -> list[tuple[object, float]]:
    """Existing partners that probably are the organization named ``names`` (best first):
    candidates from the search index (any distinctive word of any name, acronym or
    alias) across the whole directory. The same country makes a match more likely
    (another country costs ``OTHER_COUNTRY_PENALTY`` points); in the same country a
    partner of another province is not the same organization."""
    from doingoai.core.countries import find_subdivision

    from .models import Partner

    names = [n for n in names if n and fold(n)]
    if not names:
        return []
    country = (country or "").upper()
    sub = (find_subdivision(country, subdivision) or "") if country and subdivision else ""
    generic = _country_words(country) if country else frozenset()
    words = set()
    for n in names:
        words |= {phonetic(w) for w in name_core(n, generic).split()}
        words.add(phonetic(n))
    qs = Partner._base_manager.filter(pk__in=candidate_ids(Partner, list(words)))
    if exclude_pk:
        qs = qs.exclude(pk=exclude_pk)
    out = []
    for obj in qs:
        same_country = bool(country) and obj.country == country
        if same_country and sub and obj.subdivision and obj.subdivision != sub:
            continue
        best = max(
            (name_similarity(a, b, generic) for a in names for b in partner_names(obj)), default=0.0
        )
        if not same_country:
            best -= OTHER_COUNTRY_PENALTY
        if best >= threshold:
            out.append((obj, best))
    out.sort(key=lambda t: -t[1])
    return out[:limit]
