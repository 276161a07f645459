"""Search across kinds: every spelling, scope, grouping and ranking, the index."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.search.readers import commune_reader

from doingoai.agreements.models import Agreement
from doingoai.core import searchindex
from doingoai.core.registry import REGISTRY
from doingoai.core.text import fold
from doingoai.partners.models import Partner
from doingoai.search import ranking
from doingoai.search.ranking import search as search_records

CHAMPASAK = ["champasak", "Chămpasăk", "Chăm-pa-sắc", "CHAMPASSAK", "champasac", "Chăm Pa Xắc"]
SEKONG = ["sekong", "Sê Kông", "Xekong", "xê kông", "SE KONG", "Sê-kông"]
DAKLAK = ["dak lak", "Đắk Lắk", "DAK LAK", "daklak", "Dak Lak", "đắk lắk"]


@pytest.fixture
def lao(world):
    make = dict(
        kind=Partner.Kind.WOMENS_UNION,
        level=Partner.Level.PROVINCIAL,
        country="LA",
        unit=world.daklak,
    )
    champasak = Partner.objects.create(
        name_vi="Hội Liên hiệp Phụ nữ Lào tỉnh Chămpasăk",
        name_en="Lao Women's Union of Champasak Province",
        subdivision="LA-CH",
        **make,
    )
    sekong = Partner.objects.create(
        name_vi="Hội Liên hiệp Phụ nữ Lào tỉnh Sê Kông",
        name_en="Lao Women's Union of Sekong Province",
        subdivision="LA-XE",
        **make,
    )
    un_women = Partner.objects.create(
        name_vi="Cơ quan Liên hợp quốc về Bình đẳng giới và Trao quyền cho Phụ nữ",
        name_en="UN Women",
        acronym="UN Women",
        kind=Partner.Kind.UN_AGENCY,
        country="VN",
        unit=world.central,
    )
    agreement = Agreement.objects.create(
        title="Thỏa thuận hợp tác vì hòa bình phát triển giữa Hội LHPN tỉnh Đắk Lắk và "
        "Hội LHPN Lào tỉnh Chămpasăk giai đoạn 2022–2027",
        unit=world.daklak,
        signed_date=dt.date(2022, 6, 25),
        start_date=dt.date(2022, 7, 1),
        end_date=dt.date(2027, 6, 30),
    )
    agreement.units.set([world.daklak])
    agreement.partners.set([champasak, sekong])
    hanoi_agreement = Agreement.objects.create(
        title="Biên bản ghi nhớ với UN Women về phòng chống bạo lực giới",
        unit=world.hanoi,
        signed_date=dt.date(2023, 3, 8),
    )
    return dict(
        champasak=champasak,
        sekong=sekong,
        un_women=un_women,
        agreement=agreement,
        hanoi_agreement=hanoi_agreement,
    )


def slugs(groups):
    return [g.kind.slug for g in groups]


def group(groups, slug):
    return next((g for g in groups if g.kind.slug == slug), None)


def objects(groups, slug):
    g = group(groups, slug)
    return [h.obj for h in g.hits] if g else []


# ------------------------------------------------------------------ the key


@pytest.mark.parametrize("spelling", CHAMPASAK)
def test_phonetic_key_champasak(spelling):
    assert searchindex.phonetic(spelling) == "champasak"


@pytest.mark.parametrize("spelling", SEKONG)
def test_phonetic_key_sekong(spelling):
    assert searchindex.phonetic(spelling) == "sekong"


@pytest.mark.parametrize("spelling", DAKLAK)
def test_phonetic_key_daklak(spelling):
    assert searchindex.phonetic(spelling) == "daklak"


def test_fold_keeps_d():
    assert fold("Đắk Lắk") == "dak lak"


# ------------------------------------------------------------------ every spelling


@pytest.mark.parametrize("spelling", CHAMPASAK)
def test_every_spelling_finds_champasak(lao, world, spelling):
    groups = search_records(world.user("trunguong"), spelling)
    assert lao["champasak"] in objects(groups, "partners")
    assert lao["sekong"] not in objects(groups, "partners")
    assert lao["agreement"] in objects(groups, "agreements")


@pytest.mark.parametrize("spelling", SEKONG)
def test_every_spelling_finds_sekong(lao, world, spelling):
    groups = search_records(world.user("trunguong"), spelling)
    assert objects(groups, "partners")[0] == lao["sekong"]
    assert lao["champasak"] not in objects(groups, "partners")


@pytest.mark.parametrize("spelling", DAKLAK)
def test_every_spelling_finds_dak_lak(lao, world, spelling):
    groups = search_records(world.user("trunguong"), spelling)
    assert world.daklak in objects(groups, "units")
    assert lao["agreement"] in objects(groups, "agreements")


def test_english_name_and_acronym(lao, world):
    user = world.user("trunguong")
    assert objects(search_records(user, "un women"), "partners")[0] == lao["un_women"]
    assert lao["champasak"] in objects(search_records(user, "women's union champasak"), "partners")
    assert lao["champasak"] in objects(search_records(user, "Champasak Province"), "partners")


def test_words_in_any_order(lao, world):
    groups = search_records(world.user("trunguong"), "chămpasăk phụ nữ lào")
    assert lao["champasak"] in objects(groups, "partners")


def test_short_or_empty_query_finds_nothing(lao, world):
    assert search_records(world.user("trunguong"), "") == []
    assert search_records(world.user("trunguong"), "ab") == []


def test_nothing_found(lao, world):
    assert search_records(world.user("trunguong"), "zzzqqq không có") == []


# ------------------------------------------------------------------ scope


@pytest.mark.parametrize("spelling", ["champasak", "dak lak", "Đắk Lắk", "sekong"])
def test_hanoi_never_sees_daklak_records_but_sees_partners(lao, world, spelling):
    groups = search_records(world.user("hanoi"), spelling)
    assert lao["agreement"] not in objects(groups, "agreements")
    assert world.daklak not in objects(groups, "units")
    for slug in ("agreements", "activities", "resources", "news"):
        g = group(groups, slug)
        if g:
            for h in g.hits:
                assert getattr(h.obj, "unit_id", None) != world.daklak.pk
    if spelling in ("champasak", "sekong"):
        assert objects(groups, "partners"), "partners are a shared directory"


def test_counts_are_scoped(lao, world):
    central = group(search_records(world.user("trunguong"), "champasak"), "agreements")
    assert central and central.count == 1
    assert group(search_records(world.user("hanoi"), "champasak"), "agreements") is None
    mine = group(search_records(world.user("hanoi"), "UN Women"), "agreements")
    assert mine and [h.obj for h in mine.hits] == [lao["hanoi_agreement"]]


def test_search_page_scope(lao, login, world):
    page = login("hanoi").get("/search/", {"q": "Chăm-pa-sắc"})
    assert page.status_code == 200
    html = page.content.decode()
    assert lao["champasak"].get_absolute_url() in html
    assert lao["agreement"].get_absolute_url() not in html
    page = login("daklak").get("/search/", {"q": "champasak"})
    html = page.content.decode()
    assert lao["agreement"].get_absolute_url() in html
    assert 'id="group-partners"' in html and 'id="group-agreements"' in html
    assert "/agreements/?q=champasak" in html


def test_search_page_needs_login(client, lao):
    assert client.get("/search/", {"q": "champasak"}).status_code == 302


def test_search_page_short_query(login, world):
    page = login("trunguong").get("/search/", {"q": "a"})
    assert page.status_code == 200


def test_search_page_one_kind(lao, login):
    page = login("trunguong").get("/search/", {"q": "champasak", "kind": "partners"})
    html = page.content.decode()
    assert 'id="group-partners"' in html and 'id="group-agreements"' not in html


# ------------------------------------------------------------------ grouping and ranking


def test_grouped_by_kind_with_counts(lao, world):
    groups = search_records(world.user("trunguong"), "champasak")
    assert len(set(slugs(groups))) == len(groups)
    for g in groups:
        assert g.count >= len(g.hits) > 0
    assert {"partners", "agreements"} <= set(slugs(groups))


def test_best_match_first(lao, world):
    Partner.objects.create(
        name_vi="Hiệp hội Doanh nghiệp 4 tỉnh Nam Lào",
        name_en="Business Association",
        aliases=["Sekong business"],
        kind=Partner.Kind.BUSINESS,
        country="LA",
        unit=world.daklak,
    )
    groups = search_records(world.user("trunguong"), "Sê Kông")
    hits = objects(groups, "partners")
    assert hits[0] == lao["sekong"] and len(hits) == 2
    scores = [h.score for h in group(groups, "partners").hits]
    assert scores == sorted(scores, reverse=True)


def test_group_with_best_match_first(lao, world):
    groups = search_records(world.user("trunguong"), "Lao Women's Union of Champasak Province")
    assert groups[0].kind.slug == "partners"


def test_many_matches_are_counted_and_limited(world):
    for i in range(15):
        Partner.objects.create(
            name_vi=f"Hội Phụ nữ bản Khamphu {i}", kind="other", country="LA", unit=world.daklak
        )
    g = group(search_records(world.user("hanoi"), "khamphu", limit=10), "partners")
    assert g.count == 15 and len(g.hits) == 10


# ------------------------------------------------------------------ the index


def test_index_follows_saves_and_deletes(lao, world):
    user = world.user("trunguong")
    p = lao["sekong"]
    p.name_vi = "Hội Phụ nữ Lào tỉnh Attapư"
    p.name_en = "Lao Women's Union of Attapeu Province"
    p.subdivision = "LA-AT"
    p.save()
    assert p not in objects(search_records(user, "sekong"), "partners")
    assert p in objects(search_records(user, "attapeu"), "partners")
    p.delete()
    assert p not in objects(search_records(user, "attapeu"), "partners")


def test_rebuild_after_bulk_create(world, capsys):
    from django.core.management import call_command

    Partner.objects.bulk_create(
        [
            Partner(
                name_vi=f"Hội Phụ nữ Xaysomboun {i}",
                kind="other",
                country="LA",
                subdivision="LA-XS",
                unit=world.daklak,
                search_text=f"xaysomboun {i}",
            )
            for i in range(5)
        ]
    )
    user = world.user("trunguong")
    assert group(search_records(user, "Xay Sổm Bun"), "partners") is None
    call_command("rebuild_search", "--kind", "partners", "--quiet")
    g = group(search_records(user, "Xay Sổm Bun"), "partners")
    assert g and g.count == 5
    call_command("rebuild_search", "--quiet")
    assert group(search_records(user, "xaysomboun"), "partners").count == 5
    assert "Search index rebuilt" in capsys.readouterr().out


def test_every_kind_with_search_text_is_searchable():
    kinds = {k.slug for k in searchindex.searchable_kinds()}
    assert {"units", "partners", "agreements"} <= kinds
    for slug, kind in REGISTRY.items():
        has_text = any(f.name == "search_text" for f in kind.model._meta.get_fields())
        if has_text and getattr(kind, "searchable", True):
            assert slug in kinds


def test_registered_kinds_found_by_sample(world):
    """Whatever kinds exist (activities, resources, news ...): a sample is found by its
    own title, in its owner's scope."""
    from doingoai.core.samples import load_all

    samples = load_all()
    admin = world.user("admin")
    for kind in searchindex.searchable_kinds():
        if kind.slug not in samples or kind.nav_group == "hidden":
            continue
        obj = samples[kind.slug](world.daklak)
        obj.refresh_from_db()
        title = str(obj)
        if len(searchindex.phonetic(title)) < 3:
            continue
        g = group(search_records(admin, title, limit=50), kind.slug)
        assert g and obj in [h.obj for h in g.hits], kind.slug


def test_list_filter_link_uses_same_spelling(lao, login):
    """The per-kind list reached from the results (``?q=``) finds the same records."""
    page = login("trunguong").get("/partners/", {"q": "champasac"})
    assert page.status_code == 200
    assert lao["champasak"].name_vi in page.content.decode()


def test_counts_stop_at_the_cap(world, monkeypatch, login):
    for i in range(12):
        Partner.objects.create(
            name_vi=f"Hội Phụ nữ bản Nongbua {i}", kind="other", country="LA", unit=world.daklak
        )
    monkeypatch.setattr(ranking, "COUNT_CAP", 10)
    g = group(search_records(world.user("hanoi"), "nongbua"), "partners")
    assert g.count == 10 and g.more
    assert "10+" in login("hanoi").get("/search/", {"q": "nongbua"}).content.decode()


def test_short_words_are_glued_not_dropped():
    assert searchindex.Query("Sê Kông").terms == ["sekong"]
    assert searchindex.Query("UN Women").terms == ["unvomen"]  # w -> v
    assert searchindex.Query("Hội LHPN tỉnh Đắk Lắk").terms == ["hoi", "lhpn", "tinh", "dak", "lak"]
    assert searchindex.Query("Hà Nội").terms == ["hanoi"]


def test_se_kong_does_not_match_every_cong(lao, world):
    Partner.objects.create(
        name_vi="Công ty Cổ phần Cộng đồng", kind="business", country="VN", unit=world.daklak
    )
    assert objects(search_records(world.user("trunguong"), "Sê Kông"), "partners") == [
        lao["sekong"]
    ]


# ------------------------------------------------------------------ a small scope


def test_a_commune_reader_finds_what_the_index_finds_in_her_scope(world, monkeypatch):
    """A commune's search reads her few records by id and matches their index rows here;
    it finds, counts and ranks what asking the index finds within her scope: her own
    records, those her commune takes part in and those shared with it, nothing else."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from doingoai.core.samples import make

    commune, reader = commune_reader(world)
    own = make("activities", commune, title="Giao lưu với bản Nongbua")
    taking_part = make("activities", world.hanoi, title="Đoàn Nông Bua thăm Hà Nội")
    taking_part.units.add(commune)
    shared = make("activities", world.hanoi, title="Hội nghị tổng kết", outcomes="Nongbua")
    shared.shared_with.add(commune)
    hidden = [
        make("activities", world.hanoi, title="Nongbua ở Hà Nội"),
        make("activities", world.daklak, title="Nongbua ở tỉnh Đắk Lắk"),  # the province's
    ]
    make("activities", commune, title="Tập huấn kỹ năng")  # hers, not matching
    with CaptureQueriesContext(connection) as ctx:
        small = search_records(reader, "nong bua")
    # her activities were not looked up in the full-text index
    assert not [
        q["sql"]
        for q in ctx.captured_queries
        if "activities_activity" in q["sql"] and "core_search" in q["sql"]
    ]
    monkeypatch.setattr(ranking, "SMALL_SCOPE_RECORDS", -1)  # every scope asks the index
    asked = search_records(reader, "nong bua")
    assert [(g.kind.slug, g.count) for g in small] == [(g.kind.slug, g.count) for g in asked]
    assert group(small, "activities").count == 3
    found = objects(small, "activities")
    assert set(found) == set(objects(asked, "activities")) == {own, taking_part, shared}
    assert found[-1] == shared  # matched in its text only: after those named so
    assert not set(found) & set(hidden)


# ------------------------------------------------------------------ every kind at once


def test_the_whole_query_is_asked_only_when_it_can_match_alone():
    # "daklak" holds "dak" and "lak": a key holding it matches the words already
    assert not searchindex.Query("dak lak").whole_needed
    assert "daklak" not in searchindex.Query("dak lak").like()[1][-1]
    assert not searchindex.Query("champasak").whole_needed
    # "an nam": the words glue to "annam", the whole squashes to "anam"
    q = searchindex.Query("an nam")
    assert q.terms == ["annam"] and q.whole == "anam" and q.whole_needed
    assert q.like()[1] == ["%annam%", "%anam%"]


@pytest.mark.parametrize("cap", [2, 3, 1000])
@pytest.mark.parametrize("hers_newest", [False, True])
def test_a_scoped_count_reads_past_the_newest_matches_out_of_scope(
    world, monkeypatch, cap, hers_newest
):
    """A scope's matches are counted from their ids, the newest first, in batches until
    the cap is reached (hers read by their owners while most are hers, the rest asked
    of the database when a batch finds few): a province's matches older than the
    newest others' are counted, and the count stops at the cap."""
    from doingoai.activities.models import Activity
    from doingoai.core.samples import make

    monkeypatch.setattr(ranking, "COUNT_CAP", cap)

    def nongbua(unit, n):
        return [make("activities", unit, title=f"Nongbua {i}") for i in range(n)]

    if hers_newest:
        others = nongbua(world.hanoi, 5)
        mine = nongbua(world.daklak, 3)
    else:
        mine = nongbua(world.daklak, 3)
        others = nongbua(world.hanoi, 5)
    ids = sorted((a.pk for a in mine + others), reverse=True)
    scoped = ranking.scoped_records(REGISTRY["activities"], world.user("daklak"))
    assert scoped.filter(pk__in=ids).count() == 3
    newest = searchindex.Prefetched(ids=ids).newest
    assert ranking.count_in_scope(scoped, world.user("daklak"), newest) == min(3, cap + 1)
    g = group(search_records(world.user("daklak"), "nongbua"), "activities")
    assert (g.count, g.more) == (min(3, cap), cap < 3)
    assert set(objects([g], "activities")) == set(mine)
    assert Activity.objects.filter(pk__in=[o.pk for o in others]).count() == 5


@pytest.mark.parametrize("probe", [1, 2, 100])
@pytest.mark.parametrize("cap", [2, 4, 1000])
def test_a_scope_mostly_her_own_is_counted_by_batches(world, monkeypatch, cap, probe):
    """Where most matches are her units' own, they are counted batch by batch from their
    owners, the others (taking part, shared, hidden) asked of the database: the count is
    the records of her scope among the matches, stopped at the cap, whatever the batches."""
    from doingoai.core.samples import make

    monkeypatch.setattr(ranking, "COUNT_CAP", cap)
    monkeypatch.setattr(ranking, "PROBE", probe)
    taking_part = make("activities", world.hanoi, title="Nongbua ở Hà Nội")
    taking_part.units.add(world.daklak)
    mine = [make("activities", world.daklak, title=f"Nongbua {i}") for i in range(2)]
    make("activities", world.hanoi, title="Nongbua, Hà Nội")  # not hers
    mine += [make("activities", world.daklak, title=f"Nongbua {i}") for i in range(2, 4)]
    reader = world.user("daklak")
    scoped = ranking.scoped_records(REGISTRY["activities"], reader)
    q = searchindex.Query("nongbua")
    ct = searchindex._content_type("default", scoped.model).pk
    ids = searchindex.match_ids(q, ct, 0, 100)
    assert len(ids) == 6 and scoped.filter(pk__in=ids).count() == 5
    newest = searchindex.Prefetched(ids=ids).newest
    assert ranking.count_in_scope(scoped, reader, newest) == min(5, cap + 1)
    g = group(search_records(reader, "nongbua"), "activities")
    assert (g.count, g.more) == (min(5, cap), cap < 5)
    assert {a.pk for a in objects([g], "activities")} == {taking_part.pk} | {a.pk for a in mine}


@pytest.mark.parametrize("cap", [1, 2, 1000])
def test_a_province_finds_and_counts_what_her_scope_holds(world, monkeypatch, login, cap):
    """A province reader's search counts and shows, of the matches, exactly the records
    of her scope: her units' own, those they take part in, those shared with her unit;
    none of the others, however new (the owners compared with her units in memory, the
    other clauses asked for the rest only)."""
    from doingoai.activities.models import Activity
    from doingoai.core.samples import make
    from doingoai.core.scope import VIEW, owned_among

    monkeypatch.setattr(ranking, "COUNT_CAP", cap)
    own = make("activities", world.daklak, title="Giao lưu bản Nongbua")
    taking_part = make("activities", world.hanoi, title="Đoàn Nông Bua thăm Hà Nội")
    taking_part.units.add(world.daklak)
    shared = make("activities", world.hanoi, title="Hội nghị tổng kết", outcomes="Nongbua")
    shared.shared_with.add(world.daklak)
    hidden = make("activities", world.hanoi, title="Nongbua ở Hà Nội")  # the newest
    reader = world.user("daklak")
    ids = [hidden.pk, shared.pk, taking_part.pk, own.pk]
    mine = {own.pk, taking_part.pk, shared.pk}
    assert (
        set(Activity.objects.restrict(reader, VIEW).filter(pk__in=ids).values_list("pk", flat=True))
        == mine
    )
    assert owned_among(Activity, reader, ids) == {own.pk}
    assert owned_among(Activity, world.user("trunguong"), ids) is None  # everything hers
    g = group(search_records(reader, "nong bua"), "activities")
    assert (g.count, g.more) == (min(3, cap), cap < 3)
    assert {a.pk for a in objects([g], "activities")} == mine
    html = login("daklak").get("/search/", {"q": "nong bua"}).content.decode()
    assert all(a.get_absolute_url() in html for a in (own, taking_part, shared))
    assert hidden.get_absolute_url() not in html
    section = html[html.index('id="group-activities"') :].split("</section>")[0]
    assert f'<span class="badge">{3 if cap >= 3 else f"{cap}+"}</span>' in section


@pytest.mark.django_db
def test_the_kinds_read_whole_have_trigram_indexes_of_their_own():
    """PostgreSQL: units and partners are asked through partial trigram indexes on their
    own content type (migration core 0007), not through the index of every kind."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("SQLite's FTS5 lookups are per kind already")
    with connection.cursor() as cur:
        cur.execute("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'core_search'")
        defs = dict(cur.fetchall())
    for label in searchindex.OWN_INDEX:
        ct = ContentType.objects.get_by_natural_key(*label.split("."))
        for column in ("key", "name"):
            name = f"core_search_{column}_trgm_{ct.model}"
            assert f"((id >> 40) = {ct.pk})" in defs[name]
    assert sorted(searchindex._own_index_cts()) == sorted(
        ContentType.objects.get_by_natural_key(*label.split(".")).pk
        for label in searchindex.OWN_INDEX
    )
