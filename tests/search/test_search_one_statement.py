"""Search on PostgreSQL: every kind's matches read in one statement and ranked in
Python find what the two statements ranking in SQL found (``_prefetch_before``)."""

from __future__ import annotations

import pytest
from django.db import connection
from tests.conftest import records_for_the_module

from doingoai.core import searchindex, searchkept
from doingoai.core.samples import make
from doingoai.partners.models import Partner
from doingoai.search import ranking
from doingoai.search.ranking import search as search_records


def _prefetch_before(q, ct_ids, using="default"):
    """``prefetch`` as it was: a statement for the names and one for the keys, each
    ranking in SQL (the reference the one statement must agree with)."""
    shift, cap = searchindex.SHIFT, searchindex.CANDIDATES
    mask = (1 << shift) - 1
    out = {ct: searchindex.Prefetched() for ct in ct_ids}
    ranked = (
        f"SELECT id, title, name, ROW_NUMBER() OVER (PARTITION BY id >> {shift} "
        f"ORDER BY id DESC) AS rn FROM core_search WHERE (id >> {shift}) = ANY(%s) AND "
    )

    def like(column):  # the whole query squashed asked unless it is the only word
        conds = ["(" + " AND ".join([f"{column} LIKE %s"] * len(q.terms)) + ")"]
        params = [f"%{t}%" for t in q.terms]
        if q.terms != [q.whole]:
            conds.append(f"{column} LIKE %s")
            params.append(f"%{q.whole}%")
        return "(" + " OR ".join(conds) + ")", params

    names, name_params = like("name")
    keys, key_params = like("key")
    with connection.cursor() as cur:
        cur.execute(
            f"SELECT id >> {shift}, id & {mask}, title, name FROM ({ranked}{names}) m "
            f"WHERE rn <= %s ORDER BY id DESC",
            [ct_ids, *name_params, cap],
        )
        seen = set()
        for ct, oid, title, name in cur.fetchall():
            out[ct].found.append((oid, title, name))
            seen.add((ct, oid))
        cur.execute(
            f"SELECT id >> {shift}, id & {mask}, rn, title, name FROM "
            f"({ranked}{keys}) m ORDER BY id DESC",
            [ct_ids, *key_params],
        )
        for ct, oid, rn, title, name in cur.fetchall():
            got = out[ct]
            got.ids.append(oid)
            if rn <= cap and (ct, oid) not in seen and len(got.found) < cap:
                got.found.append((oid, title, name))
    return out


def _nongbua(world):
    """Matches of three texts in several kinds and two provinces, more than the
    candidates; made once for the module's tests."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite asks the index kind by kind")
    for i in range(4):
        make("activities", world.daklak, title=f"Giao lưu bản Nongbua {i}")
        make("activities", world.hanoi, title=f"Hội nghị {i}", outcomes="Nông Bua, Đắk Lắk")
        make("activities", world.daklak, title=f"An Nam {i}")
    Partner.objects.create(
        name_vi="Hội Phụ nữ bản Nongbua", kind="other", country="LA", unit=world.daklak
    )


_nongbua_records = records_for_the_module(_nongbua)


@pytest.mark.parametrize("text", ["nong bua", "Nongbua", "bua nong", "an nam", "dak lak"])
@pytest.mark.parametrize("username", ["trunguong", "daklak"])
def test_every_kind_read_at_once_finds_what_two_statements_found(
    _nongbua_records, world, monkeypatch, text, username
):
    """PostgreSQL reads every kind's matches in one statement (``match_rows``, kept by
    ``searchkept``) and ranks them in Python: the same matches, candidates (named by the
    query first, newest first, then the newest matching elsewhere) and results as the
    two statements ranking in SQL did, also where the candidates are cut."""
    monkeypatch.setattr(searchindex, "CANDIDATES", 3)
    q = searchindex.Query(text)
    cts = [searchindex._content_type("default", k.model).pk for k in searchindex.searchable_kinds()]
    now, before = searchkept.kept(q, cts), _prefetch_before(q, cts)
    assert {ct: (list(p.ids), p.found) for ct, p in now.items()} == {
        ct: (p.ids, p.found) for ct, p in before.items()
    }
    assert any(p.ids for p in now.values())

    def seen(groups):
        return [(g.kind.slug, g.count, g.more, [h.obj.pk for h in g.hits]) for g in groups]

    together = search_records(world.user(username), text)
    monkeypatch.setattr(ranking, "kept", _prefetch_before)
    assert seen(together) == seen(search_records(world.user(username), text)) and together
