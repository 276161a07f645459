"""Partner names read from articles matched to the shared directory, acronyms included."""

from __future__ import annotations

from pathlib import Path

import pytest

from doingoai.news.matching import initials_give, is_acronym, match_partners

CORPUS = Path(__file__).parent / "corpus"


@pytest.mark.parametrize(
    ("acronym", "name"),
    [
        ("KOICA", "Korea International Cooperation Agency"),
        ("JICA", "Japan International Cooperation Agency"),
        ("USAID", "United States Agency for International Development"),
        ("KOFIH", "Korea Foundation for International Healthcare"),
        ("UNICEF", "United Nations International Children's Emergency Fund"),
        ("TAF", "The Asia Foundation"),
        ("EU", "European Union"),
    ],
)
def test_initials_give(acronym, name):
    assert initials_give(acronym, name)


@pytest.mark.parametrize(
    ("acronym", "name"),
    [
        ("KOICA", "Korea Foundation for International Healthcare"),
        ("JICA", "Korea International Cooperation Agency"),
        ("OXFAM", "Oxford Family"),  # at most two letters a word
        ("KOICA", "Korea"),  # one word spells nothing
        ("UNDP", "United Nations Population Fund"),
    ],
)
def test_initials_do_not_give(acronym, name):
    assert not initials_give(acronym, name)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("KOICA", True),
        ("AusAID", True),
        ("UN Women", True),
        ("U.S.A.I.D.", True),
        ("Oxfam", False),
        ("Hội LHPN tỉnh Attapeu", False),
        ("Good Neighbors", False),
    ],
)
def test_is_acronym(name, expected):
    assert is_acronym(name) is expected


@pytest.fixture
def directory(world):
    from doingoai.partners.models import Partner

    def make(**values):
        values.setdefault("kind", Partner.Kind.DONOR)
        partner = Partner(unit=world.central, **values)
        partner.full_clean()
        partner.save()
        return partner

    return {
        # only the English name: KOICA by its initials
        "koica": make(
            name_vi="Cơ quan Hợp tác Quốc tế Hàn Quốc",
            name_en="Korea International Cooperation Agency",
            country="KR",
        ),
        # a Korean look-alike that must not be taken for KOICA
        "kofih": make(
            name_vi="Quỹ Hàn Quốc vì Y tế Quốc tế",
            name_en="Korea Foundation for International Healthcare",
            country="KR",
        ),
        # the acronym field
        "jica": make(name_vi="Cơ quan Hợp tác Quốc tế Nhật Bản", acronym="JICA", country="JP"),
        # an alias, the English name being the long one
        "un_women": make(
            name_vi="Cơ quan Liên hợp quốc về Bình đẳng giới và Trao quyền cho Phụ nữ",
            name_en="United Nations Entity for Gender Equality and the Empowerment of Women",
            aliases=["UN-Women"],
            kind=Partner.Kind.UN_AGENCY,
            country="US",
        ),
        # the acronym written in the Vietnamese name
        "usaid": make(name_vi="Cơ quan Phát triển Quốc tế Hoa Kỳ (USAID)", country="US"),
        "undp": make(
            name_vi="Chương trình Phát triển Liên hợp quốc",
            name_en="United Nations Development Programme",
            acronym="UNDP",
            kind=Partner.Kind.UN_AGENCY,
            country="US",
        ),
    }


@pytest.mark.django_db
def test_acronyms_match_directory_partners(directory):
    names = ["KOICA", "JICA", "UN Women", "USAID", "KOFIH", "UNFPA"]
    matches = {m.name: m for m in match_partners(names)}
    assert matches["KOICA"].partner == directory["koica"]
    assert matches["KOICA"].score == 100
    assert matches["JICA"].partner == directory["jica"]
    assert matches["UN Women"].partner == directory["un_women"]
    assert matches["USAID"].partner == directory["usaid"]
    assert matches["KOFIH"].partner == directory["kofih"]
    # no UNFPA in the directory: a new partner is proposed, UNDP is not taken for it
    assert matches["UNFPA"].partner is None
    assert matches["UNFPA"].kind == "un_agency"


@pytest.mark.django_db
def test_acronym_respects_the_country(directory):
    from doingoai.partners.models import Partner

    # a Japanese body whose initials also give KOICA is not the Korean agency
    Partner.objects.create(
        name_vi="Hiệp hội Nhật Bản",
        name_en="Kobe Osaka Industry Cooperation Association",
        country="JP",
        kind=Partner.Kind.BUSINESS,
        unit=directory["koica"].unit,
    )
    (match,) = match_partners(["KOICA"])
    assert match.partner == directory["koica"]
    assert match.country == "KR"


@pytest.mark.django_db
def test_long_names_still_match_by_name(directory):
    (match,) = match_partners(["Cơ quan Hợp tác Quốc tế Nhật Bản"])
    assert match.partner == directory["jica"]


@pytest.mark.django_db
def test_koica_article_proposes_the_directory_partner(directory, world):
    """Article 003 names KOICA only by its acronym: the draft takes the directory's
    partner instead of proposing a new one."""
    from doingoai.news.services import draft_from_item, import_article

    text = (CORPUS / "003_quangngai_koica.txt").read_text(encoding="utf-8")
    item = import_article(text=text, unit=world.central).item
    assert item.extraction["partners"] == ["KOICA"]
    draft = draft_from_item(item, world.user("trunguong"))
    assert draft["initial"]["partners"] == [directory["koica"].pk]
    assert draft["new_partners"] == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("written", "held", "kind"),
    [
        # the real press writes "CARE Quốc tế tại Việt Nam" where the directory holds
        # "CARE": one organisation (the same rule compares partners in the bench)
        ("CARE Quốc tế tại Việt Nam", "CARE", "ingo"),
        # a firm with its legal form or its Vietnamese branch, the directory by its name
        # (fresh32/1662, fresh32/1656, fresh32/1640)
        ("công ty Panasonic", "Panasonic", "business"),
        ("Microsoft Việt Nam", "Microsoft", "business"),
        ("Công ty Procter & Gamble (P&G) Việt Nam", "P&G", "business"),
        # a UN agency by its official Vietnamese name, the directory by its acronym, or the
        # other way round (fresh35/1821, fresh34/1780, tune/037)
        ("Tổ chức Y tế thế giới", "WHO", "un_agency"),
        ("Ngân hàng Phát triển Châu Á", "ADB", "un_agency"),
        ("UNODC", "Văn phòng Liên Hiệp Quốc về chống Ma túy và Tội phạm", "un_agency"),
    ],
)
def test_an_organisation_written_otherwise_matches_the_directory(world, written, held, kind):
    from doingoai.partners.models import Partner

    held = Partner(unit=world.central, name_vi=held, kind=kind, country="US")
    held.full_clean()
    held.save()
    (match,) = match_partners([written])
    assert match.partner == held
    assert match.score == 100
