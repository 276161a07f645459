"""The dashboards' links to the lists: the same addresses as ``urlencode`` writes, made
without quoting what needs none (a worker's first dashboard makes hundreds of them)."""

import datetime as dt
from urllib.parse import parse_qsl, urlencode, urlsplit

from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from doingoai.reports.figures import _query, list_url

values = st.one_of(
    st.integers(min_value=-(10**12), max_value=10**12),
    st.dates(),
    st.text(max_size=12),
    st.sampled_from(["true", "2024-01-31", "Đắk Lắk", "a b", "x&y=z", "~_.-", "50%"]),
)
keys = st.one_of(st.sampled_from(["unit", "date_after", "took_place", "q"]), st.text(max_size=6))


@given(st.lists(st.tuples(keys, values), max_size=6))
def test_the_query_is_what_urlencode_writes(pairs):
    assert _query(pairs) == urlencode(pairs)


def test_a_list_link_leaves_out_empty_filters_and_reads_back(db):
    url = list_url(
        "activities", unit=12, start_after=dt.date(2024, 1, 1), kind="", q="Hà Nội & Huế", x=None
    )
    parts = urlsplit(url)
    assert parts.path == reverse("activities_list")
    assert parse_qsl(parts.query) == [
        ("unit", "12"),
        ("start_after", "2024-01-01"),
        ("q", "Hà Nội & Huế"),
    ]
    assert list_url("no_such_kind", unit=1) == ""
