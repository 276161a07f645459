"""A scoped reader's list, unfiltered, is not counted when her subtree alone owns more
records than the list counts (the summary tables keep them counted): its total is
always what counting the records gives, after records are made, moved between units,
shared, taken part in and deleted, for a province's and a commune's reader, at any cap;
filtered lists are counted."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from doingoai.core.registry import REGISTRY
from doingoai.core.samples import make
from doingoai.core.views import CappedPaginator

pytestmark = pytest.mark.django_db

KINDS = ("activities", "resources")


@pytest.fixture
def readers(world, client):
    """Đắk Lắk's editor, and a viewer of one of its communes (Ea Kao); records of
    Đắk Lắk, of both its communes and of Hà Nội, some of them reaching the communes."""
    from doingoai.core.bulk import bulk_work
    from doingoai.organization.models import User

    w = world
    with bulk_work():  # the figures counted once, at the end
        w.ea_kao = make("units", w.daklak)
        w.hoa_thang = make("units", w.daklak)
        w.xa = User.objects.create_user("xa_doc", password="x-Long-pass-42", unit=w.ea_kao)
        w.daklak_trip = make("activities", w.daklak)
        w.commune_event = make("activities", w.ea_kao, start_date=dt.date(2023, 3, 8))
        w.hanoi_visit = make("activities", w.hanoi, start_date=dt.date(2024, 9, 1))
        w.hanoi_visit.units.add(w.hoa_thang)  # Đắk Lắk's commune takes part
        w.hanoi_other = make("activities", w.hanoi)
        w.agreement = make("agreements", w.hanoi)
        w.agreement.units.add(w.ea_kao)  # Ea Kao is a party
        w.gift = make("resources", w.ea_kao, activity=w.commune_event)
        w.hanoi_grant = make("resources", w.hanoi, agreement=w.agreement)
        w.hanoi_aid = make("resources", w.hanoi, activity=w.hanoi_visit)
        w.hanoi_own = make("resources", w.hanoi, date=dt.date(2021, 2, 2))
    return w


def fresh(kind, user, query=None) -> int:
    """The list's records counted one by one, as its page would without summaries."""
    from django.test import RequestFactory

    kind = REGISTRY[kind]
    request = RequestFactory().get("/", query or {})
    request.user = user
    filterset = kind.get_filterset_class()(
        request.GET or None, queryset=kind.list_queryset(user), request=request
    )
    if filterset.is_bound and not filterset.is_valid():
        return 0  # the page lists nothing and says what is wrong
    return filterset.qs.count()


def shown(client, kind, query=None) -> tuple[int, bool]:
    """The total the list page shows (and whether it says "more than")."""
    from doingoai.core.models import bump_data_version

    bump_data_version()  # the page is rendered again, not served from the page cache
    paginator = client.get(reverse(f"{kind}_list"), query or {}).context["table"].paginator
    return paginator.count, paginator.capped


def check(w, client, readers=("daklak", "xa_doc")) -> list[int]:
    """Each reader's lists show what counting gives; her subtree's records as kept are
    the records counted; up to a cap her subtree alone reaches, the list is not
    counted."""
    from doingoai.core.scope import under
    from doingoai.reports import summaries

    totals = []
    for name in readers:
        user = w.xa if name == "xa_doc" else w.user(name)
        client.force_login(user)
        for kind in KINDS:
            model = REGISTRY[kind].model
            own = model.objects.filter(under(user.unit.path)).count()
            assert summaries.subtree_count(model, user.unit_id) == own, (name, kind)
            n = fresh(kind, user)
            assert shown(client, kind) == (n, False), (name, kind)
            totals.append(n)
            for limit in range(1, n + 2):
                got = REGISTRY[kind].count_list(user, limit)
                assert got == (limit if limit <= own else None), (name, kind, limit)
    return totals


@pytest.mark.parametrize("small_units", [5, 0])
def test_a_scoped_readers_list_total_equals_counting_after_every_change(
    readers, client, monkeypatch, small_units
):
    """With a commune's scope as small (its records read by their ids) or as large as a
    province's (on PostgreSQL her scope counted as one bitmap, ``count_bitmap``)."""
    from doingoai.core import scope

    monkeypatch.setattr(scope, "SMALL_SCOPE_UNITS", small_units)
    w = readers
    # Đắk Lắk: its trip and the commune's event, Hà Nội's visit a commune takes part in;
    # the gift, Hà Nội's grant (Ea Kao is party to its agreement) and aid (at the visit)
    assert check(w, client) == [3, 3, 1, 2]

    make("activities", w.ea_kao, start_date=dt.date(2025, 8, 1))
    make("resources", w.hoa_thang, date=dt.date(2025, 8, 2))
    assert check(w, client) == [4, 4, 2, 2]

    w.hanoi_other.unit = w.ea_kao  # moved into the commune, another month
    w.hanoi_other.start_date = dt.date(2020, 1, 5)
    w.hanoi_other.save()
    w.daklak_trip.unit = w.hanoi  # moved out of Đắk Lắk: no longer hers
    w.daklak_trip.save()
    w.daklak_trip.units.set([w.hanoi])
    w.hanoi_own.unit = w.ea_kao
    w.hanoi_own.save()
    assert check(w, client) == [4, 5, 3, 3]

    w.commune_event.unit = w.hanoi  # moved out, but the commune still takes part in it
    w.commune_event.save()
    assert check(w, client) == [4, 5, 3, 3]

    w.daklak_trip.shared_with.add(w.daklak)  # shared with the province, not the commune
    w.hanoi_own.unit = w.hanoi
    w.hanoi_own.save()
    w.hanoi_own.shared_with.add(w.ea_kao)  # shared with the commune: not the province's
    assert check(w, client) == [5, 4, 3, 3]

    w.hanoi_visit.units.remove(w.hoa_thang)  # no longer taking part
    w.agreement.units.remove(w.ea_kao)  # no longer party
    assert check(w, client) == [4, 2, 3, 2]

    w.daklak_trip.shared_with.clear()
    w.hanoi_other.delete()
    w.gift.delete()
    assert check(w, client) == [2, 1, 2, 1]


def test_a_kept_total_over_the_cap_says_more_than(readers, client, monkeypatch):
    """Her subtree's records beyond the cap: "more than" without counting the list;
    just under it, the list counted."""
    from doingoai.activities.models import Activity
    from doingoai.reports import summaries

    w = readers
    with summaries.batch():
        for i in range(50):
            Activity.objects.create(
                title=f"Sinh hoạt {i}", start_date=dt.date(2022, 1, 1 + i % 28), unit=w.hoa_thang
            )
    user = w.user("daklak")
    client.force_login(user)
    assert fresh("activities", user) == 53  # 52 of her subtree, Hà Nội's visit
    for cap, total in ((51, (51, True)), (52, (52, True)), (53, (53, False))):
        monkeypatch.setattr(CappedPaginator, "cap", cap)  # at least two pages of 25
        assert shown(client, "activities") == total


@pytest.mark.parametrize(
    "query, totals",
    [
        ({"q": "hỗ trợ"}, (0, 3)),
        ({"year": "2024"}, (2, 3)),
        ({"unit": "ea_kao"}, (1, 1)),
        ({"unit": "hanoi"}, (0, 0)),  # not hers to choose: a message, nothing listed
        ({"year": "99999"}, (0, 0)),
        ({"q": " ", "page": "1", "sort": "title"}, (3, 3)),  # nothing that filters
    ],
)
def test_a_filtered_list_is_counted(readers, client, query, totals):
    w = readers
    if "unit" in query:
        query = {"unit": getattr(w, query["unit"]).pk}
    user = w.user("daklak")
    client.force_login(user)
    for kind, total in zip(KINDS, totals, strict=True):
        assert fresh(kind, user, query) == total
        assert shown(client, kind, query) == (total, False)


def test_while_the_summaries_are_rebuilt_the_list_is_counted(readers, client):
    from doingoai.reports import summaries

    w = readers
    summaries.invalidate()
    make("activities", w.ea_kao)  # not in the summaries: they are not kept meanwhile
    user = w.user("daklak")
    assert REGISTRY["activities"].count_list(user, 1) is None
    client.force_login(user)
    assert shown(client, "activities") == (4, False) == (fresh("activities", user), False)


def test_a_province_counted_as_one_bitmap_counts_every_way_into_her_scope(readers, monkeypatch):
    """PostgreSQL: her scope's parts as arrays OR'ed as bitmaps count what the list
    lists (``UnitOwned.count_bitmap``); elsewhere nothing is counted that way."""
    from django.db import connection

    from doingoai.core import scope

    w = readers
    user = w.user("daklak")
    for kind in KINDS:
        model = REGISTRY[kind].model
        qs = model.objects.all()
        n = model.objects.restrict(user).count()
        with monkeypatch.context() as m:
            m.setattr(scope, "SMALL_SCOPE_UNITS", 0)  # her subtree as a province's
            got = [model.scope_policy.count_bitmap(qs, user, limit) for limit in (1, n, n + 1)]
        if connection.vendor == "postgresql":
            assert got == [1, n, n], kind
        else:
            assert got == [None, None, None], kind
    # her aid records come each one way: the gift of her commune's event, Hà Nội's grant
    # (Ea Kao party to its agreement), Hà Nội's aid (at a visit Hòa Thắng takes part in)
    assert REGISTRY["resources"].model.objects.restrict(user).count() == 3
