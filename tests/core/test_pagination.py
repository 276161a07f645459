"""One page-links include (generic/pagination.html) for every table and the reminders:
the links keep the filters, and "Trang x/y" tells where the reader is."""

from __future__ import annotations

import pytest
from django.urls import reverse

from doingoai.core.samples import make

pytestmark = pytest.mark.django_db


def test_a_table_pages_with_its_count_and_keeps_its_filters(world, login):
    for _ in range(26):  # one more than a page of 25
        make("news", world.daklak)
    client = login("daklak")
    url = reverse("news_list")
    first = client.get(url, {"unit": world.daklak.pk}).content.decode()
    assert '<ul class="pagination">' in first and "Trang 1/2" in first
    assert f"?unit={world.daklak.pk}&amp;page=2" in first and "trang sau" in first
    second = client.get(url, {"unit": world.daklak.pk, "page": 2}).content.decode()
    assert "Trang 2/2" in second and "trang trước" in second
    # one page: no page links
    assert "pagination" not in client.get(url, {"unit": world.hanoi.pk}).content.decode()
