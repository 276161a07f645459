"""The matches of a query kept current from the index's change log (``core.searchkept``)
equal asking the index afresh, after any saves, deletes and creations, on both
databases; a search after a save shows what was saved."""

from __future__ import annotations

import random
from collections import OrderedDict

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from tests.search.readers import commune_reader

from doingoai.activities.models import Activity
from doingoai.core import searchindex, searchkept
from doingoai.core.models import SearchChange
from doingoai.core.samples import make
from doingoai.organization.models import User
from doingoai.partners.models import Partner
from doingoai.search.ranking import search as search_records

QUERIES = ["nong bua", "dak lak", "an nam", "champasak", "hoi nghi"]
WORDS = ["Nongbua", "Nông Bua", "Đắk Lắk", "dak", "lak", "An Nam", "Annam", "Hội nghị", "Pakse"]


def cts():
    return [
        searchindex._content_type("default", k.model).pk for k in searchindex.searchable_kinds()
    ]


def asked(q, ct):
    """One kind's matches asked of the index now, as ``kept`` gives them: every id
    matching in the key newest first, and the candidates (the newest named by the query,
    then the newest matching elsewhere, up to ``CANDIDATES``) with their titles."""
    ids = searchindex.match_ids(q, ct, 0, 10**9)
    sql, params = searchindex.match_sql(q, ct, connection.vendor, names_only=True, columns="1")
    with connection.cursor() as cur:
        cur.execute(sql, params)
        named = sorted((row[0] for row in cur.fetchall()), reverse=True)
    cap = searchindex.CANDIDATES
    found = named[:cap]
    found += [i for i in ids[:cap] if i not in found][: cap - len(found)]
    lo, hi = searchindex.ct_range(ct)
    column = "id" if connection.vendor == "postgresql" else "rowid"
    with connection.cursor() as cur:
        cur.execute(
            f"SELECT {column} - %s, title, name FROM core_search WHERE {column} BETWEEN %s AND %s",
            [lo, lo, hi],
        )
        rows = {oid: (title, name) for oid, title, name in cur.fetchall() if oid in found}
    return ids, [(oid, *rows[oid]) for oid in found]


def ids_of(q, kinds, ct):
    """The matches' ids ``kept`` gives for one kind, newest first."""
    return searchkept.kept(q, kinds)[ct].newest(0, 10**9)


def seen(groups):
    return [(g.kind.slug, g.count, g.more, [h.obj.pk for h in g.hits]) for g in groups]


def random_change(rnd, world, made, commune):
    """A save, a delete or a creation, of an activity or a partner, with words of the
    queries in its title or text or not."""
    units = [world.daklak, world.hanoi, world.central, commune]

    def words():
        return " ".join(rnd.sample(WORDS, rnd.randint(0, 2))) or "Tập huấn"

    op = rnd.random()
    acts = [a for a in made if isinstance(a, Activity)]
    partners = [p for p in made if isinstance(p, Partner)]
    if op < 0.3 or not made:
        made.append(
            make(
                "activities",
                rnd.choice(units),
                title=f"{words()} {rnd.randint(1, 99)}",
                partners=[],
            )
        )
    elif op < 0.45:
        made.append(
            Partner.objects.create(
                name_vi=f"Hội {words()}", kind="other", country="LA", unit=rnd.choice(units)
            )
        )
    elif op < 0.7 and acts:
        a = rnd.choice(acts)
        a.title = f"{words()} {rnd.randint(1, 99)}"
        a.outcomes = words() if rnd.random() < 0.5 else ""
        a.save()
    elif op < 0.8 and partners:
        p = rnd.choice(partners)
        p.name_vi = f"Hội {words()}"
        p.save()
    else:
        gone = rnd.choice(made)
        made.remove(gone)
        gone.delete()


@pytest.mark.parametrize(("seed", "window"), [(1, 20000), (2, 20000), (3, 6), (4, 6)])
def test_kept_matches_equal_asking_the_index_afresh(world, monkeypatch, seed, window):
    """Random saves, deletes and creations; after each, every query's kept matches (the
    ids, the candidates and their titles) equal the index asked afresh, and the search's
    groups for the central, a province and a commune reader equal those of a search with
    nothing kept. The index was asked once per query: the rest were patches from the log.
    With a window of 6 (a common word's newest matches kept, the older ones read from the
    index when needed), the same, the index asked again only when a window shrank; a
    window shrank and one grew to twice its size and was cut. (Steps: 30 with a window,
    as it grows by seven matches first, cut at the 26th and 30th; 20 without, where 40
    reached no more of the kept matches' code.)"""
    monkeypatch.setattr(searchindex, "CANDIDATES", 3)
    monkeypatch.setattr(searchkept, "WINDOW", window)
    windowed = 0
    asked_afresh, cut = [], []
    real = searchkept.afresh
    real_catch_up = searchkept._catch_up

    def spy(q, ct_ids, seq, using="default"):
        asked_afresh.append(q.text)
        return real(q, ct_ids, seq, using)

    def catch_up(q, states, behind, seq, using):  # a floor raised while patched: a cut
        out = real_catch_up(q, states, behind, seq, using)
        cut.extend(ct for ct, s in out.items() if s.key_floor > states[ct].key_floor)
        return out

    monkeypatch.setattr(searchkept, "afresh", spy)
    monkeypatch.setattr(searchkept, "_catch_up", catch_up)
    # kept though in the test's transaction: nothing is rolled back while the test runs
    monkeypatch.setattr(searchkept, "may_keep", lambda using="default": True)
    rnd = random.Random(seed)
    made = []
    kinds = cts()
    commune, _reader = commune_reader(world)  # her search reads her few records by id
    compared = {"trunguong": 0, "daklak": 0, "xa_reader": 0}
    for i in range(8):  # more than a window of 6 of every query
        title = f"{' '.join(WORDS[:6])} {i}"
        made.append(make("activities", rnd.choice([world.daklak, commune]), title=title))
    for step in range(30 if window < 1000 else 20):
        random_change(rnd, world, made, commune)
        for text in QUERIES:
            q = searchindex.Query(text)
            got = searchkept.kept(q, kinds)
            windowed += sum(1 for p in got.values() if p.floor)
            for ct in kinds:
                ids, found = asked(q, ct)
                assert (got[ct].newest(0, 10**9), got[ct].found) == (ids, found), (step, text, ct)
        if step % 10 == 9:
            for reader in ("trunguong", "daklak", "xa_reader"):
                user = User.objects.get(username=reader)
                for text in QUERIES[:3]:
                    patched = seen(search_records(user, text))
                    compared[reader] += sum(count for _k, count, _m, _h in patched)
                    with monkeypatch.context() as m:  # nothing kept: the index asked
                        m.setattr(searchkept, "afresh", real)
                        m.setattr(searchkept, "_LOCAL", OrderedDict())
                        m.setattr(searchkept.cache, "get_many", lambda keys: {})
                        m.setattr(searchkept, "may_keep", lambda using="default": False)
                        assert patched == seen(search_records(user, text))
    if window > 1000:
        assert sorted(asked_afresh) == sorted(QUERIES)  # once each: patched after that
    else:
        assert windowed and len(QUERIES) < len(asked_afresh) < 10 * len(QUERIES)
        assert cut
    assert all(compared.values())  # every reader's search found something to compare


def test_kept_matches_far_behind_or_after_a_rebuild_are_made_afresh(world, monkeypatch):
    """Kept matches more changes behind than the log is trusted for (the log trimmed
    meanwhile) are asked afresh; a rebuild of the index (records inserted in bulk, no
    signal) moves the index's version and drops them."""
    monkeypatch.setattr(searchkept, "may_keep", lambda using="default": True)
    monkeypatch.setattr(searchkept, "PATCH_MAX", 5)
    monkeypatch.setattr(searchindex, "LOG_KEEP", 8)
    monkeypatch.setattr(searchindex, "LOG_TRIM", 4)
    q = searchindex.Query("nongbua")
    kinds = cts()
    act = searchindex._content_type("default", Activity).pk
    first = make("activities", world.daklak, title="Nongbua 1", partners=[])
    assert ids_of(q, kinds, act) == [first.pk]
    made = [make("activities", world.hanoi, title=f"Nongbua {i}", partners=[]) for i in range(12)]
    assert SearchChange.objects.count() <= 8 + 4  # trimmed as it grew
    assert ids_of(q, kinds, act) == asked(q, act)[0]
    assert set(asked(q, act)[0]) == {first.pk, *(a.pk for a in made)}

    Activity.objects.bulk_create(
        [
            Activity(
                title="Nongbua bulk",
                kind=first.kind,
                unit=world.daklak,
                start_date=first.start_date,
                search_text="nongbua bulk",
            )
        ]
    )
    assert len(ids_of(q, kinds, act)) == 13  # not in the index yet
    call_command("rebuild_search", "--kind", "activities", "--quiet", stdout=None)
    assert ids_of(q, kinds, act) == asked(q, act)[0]
    assert len(asked(q, act)[0]) == 14


@pytest.mark.django_db(transaction=True)
def test_a_search_after_a_save_shows_it(world, login, monkeypatch):
    """A search, then a record created, renamed, deleted, each committed: each following
    search (its page rendered again after the change, its matches patched from the
    index's log) shows the record as it is now."""
    asked_afresh = []
    real = searchkept.afresh
    monkeypatch.setattr(
        searchkept,
        "afresh",
        lambda q, cts, seq, using: asked_afresh.append(q) or real(q, cts, seq, using),
    )
    client = login("trunguong")
    partner = Partner.objects.create(
        name_vi="Hội Pakse", kind="other", country="LA", unit=world.central
    )

    def page():
        return client.get("/search/", {"q": "nong bua"}).content.decode()

    def activity(unit, title):
        return make("activities", unit, title=title, partners=[partner])

    try:
        old = activity(world.daklak, "Giao lưu bản Nongbua")
        assert old.get_absolute_url() in page()
        new = activity(world.hanoi, "Đoàn Nông Bua thăm Hà Nội")
        html = page()
        assert new.get_absolute_url() in html and old.get_absolute_url() in html
        old.title = "Giao lưu bản Pakse"
        old.save()
        html = page()
        assert old.get_absolute_url() not in html and new.get_absolute_url() in html
        new.delete()
        assert "Đoàn Nông Bua" not in page()
        renamed = activity(world.daklak, "Tập huấn")
        assert renamed.get_absolute_url() not in page()
        renamed.title = "Tập huấn ở bản Nongbua"
        renamed.save()
        assert renamed.get_absolute_url() in page()
        assert len(asked_afresh) == 1  # the first search's: patched after that
    finally:
        Activity.objects.filter(partners=partner).delete()
        partner.delete()


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite has one writer at a time: no such order"
)
def test_a_change_committed_late_is_not_missed(world, saves_at_once):
    """PostgreSQL numbers the log's rows when they are inserted: an officer's change
    whose transaction is still open (its index entry written, the rest of the request
    still running) has a number below a second save's. The second save waits for the
    first to commit (a writer of the log locks the global data version's row first), so
    a search meanwhile sees neither, and every search after both finds both (without the
    wait the second committed first, a search kept its number, and the first's change
    was never read)."""
    try:
        cache.clear()
        q = searchindex.Query("nongbua")
        act = searchindex._content_type("default", Activity).pk
        make("activities", world.daklak, title="Nongbua 0", partners=[])
        renamed = make("activities", world.daklak, title="Tập huấn", partners=[])
        assert len(ids_of(q, cts(), act)) == 1
        ids = [renamed.pk]

        def first():
            Activity.objects.filter(pk=renamed.pk).update(title="Nongbua 1")
            renamed.title = "Nongbua 1"
            renamed.update_search_text()  # its index entry written and logged

        def second():
            ids.append(make("activities", world.hanoi, title="Nongbua 2", partners=[]).pk)

        seen_meanwhile = saves_at_once(first, second, lambda: ids_of(q, cts(), act))
        got = ids_of(q, cts(), act)
        assert got == asked(q, act)[0] and set(ids) <= set(got) and len(got) == 3
        assert len(seen_meanwhile) == 1  # the second waited: neither seen meanwhile
        groups = search_records(world.user("trunguong"), "nongbua")
        assert {h.obj.pk for h in activities(groups).hits} == set(got)
    finally:
        Activity.objects.filter(title__startswith="Nongbua").delete()
        Activity.objects.filter(title="Tập huấn").delete()


def activities(groups):
    return next(g for g in groups if g.kind.slug == "activities")


def test_a_restored_database_behind_the_kept_matches_is_asked_afresh(world):
    """Kept matches at a log number the database has not reached (a restored or flushed
    database) are not patched: asked afresh."""
    q = searchindex.Query("nongbua")
    act = searchindex._content_type("default", Activity).pk
    a = make("activities", world.daklak, title="Nongbua", partners=[])
    seq, version = searchkept.position()
    stale = searchkept.Kept(seq + 50, [], [])
    cache.set(searchkept.cache_key(q, act, version), stale)
    assert ids_of(q, [act], act) == [a.pk]
