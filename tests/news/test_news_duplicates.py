"""The same story with another byline, photo captions, page furniture or a few words
edited is recognised as already imported: the review page says so and links to the
earlier item. Measured on the real articles of bench/news/corpus."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from django.urls import reverse

from doingoai.news.models import NewsItem
from doingoai.news.similarity import likeness, story

from .test_news_pages import paste

REAL = Path(__file__).parent / "real"
UNILEVER = (REAL / "001_tong-ket-quy-unilever.txt").read_text(encoding="utf-8")
THANH_HOA = (REAL / "088_thanh-hoa-hua-phan.txt").read_text(encoding="utf-8")
BENCH = Path(__file__).resolve().parents[2] / "bench" / "news_duplicates.py"


def other_paper(text: str) -> str:
    """The story as a second paper prints it: its own furniture, another byline and
    captions, a few words changed, other line breaks."""
    body = text.replace("BDK - ", "").replace("Ảnh: H.Hiệp", "Ảnh: Thanh Tâm")
    body = body.replace("vừa chủ trì", "đã chủ trì").replace("nhiều hiệu quả", "hiệu quả")
    body = body.replace(". ", ".\n", 2)
    return (
        "Trang chủ > Xã hội > Phụ nữ\nChia sẻ | In bài\n\n"
        + body
        + "\n\nNgọc Lan (Báo Phụ nữ)\n\nTin cùng chuyên mục\n"
        + THANH_HOA.split("\n")[3]
        + "\n"
    )


@pytest.mark.django_db
def test_an_edited_copy_is_shown_as_already_imported(world, login):
    client = login("daklak")
    paste(client, text=UNILEVER, published="2018-04-22")
    first = NewsItem.objects.get()
    response = paste(client, text=other_paper(UNILEVER), published="2018-04-23")
    assert response.status_code == 302  # not the same text: a draft of its own
    second = NewsItem.objects.exclude(pk=first.pk).get()
    html = client.get(reverse("news_review", args=[second.pk])).content.decode()
    assert 'id="near-duplicate"' in html
    assert "Bài báo này có vẻ đã được nhập" in html and "% nội dung" in html
    assert first.get_absolute_url() in html
    assert reverse("news_delete", args=[second.pk]) in html
    # the earlier one is not said to copy the later one
    html = client.get(reverse("news_review", args=[first.pk])).content.decode()
    assert 'id="near-duplicate"' not in html


@pytest.mark.django_db
def test_a_different_article_is_not_a_copy(world, login):
    client = login("daklak")
    paste(client, text=UNILEVER, published="2018-04-22")
    paste(client, text=THANH_HOA, published="2022-08-21")
    second = NewsItem.objects.order_by("pk").last()
    html = client.get(reverse("news_review", args=[second.pk])).content.decode()
    assert 'id="near-duplicate"' not in html


@pytest.mark.django_db
def test_a_copy_out_of_scope_is_not_shown(world, login):
    paste(login("hanoi"), text=UNILEVER, published="2018-04-22")
    client = login("daklak")
    paste(client, text=other_paper(UNILEVER))
    mine = NewsItem.objects.filter(unit=world.daklak).get()
    html = client.get(reverse("news_review", args=[mine.pk])).content.decode()
    assert 'id="near-duplicate"' not in html


def test_the_edited_copy_is_alike_and_the_two_articles_are_not():
    assert likeness(story(UNILEVER), story(other_paper(UNILEVER))).same_story
    assert not likeness(story(UNILEVER), story(THANH_HOA)).same_story


def test_no_false_match_among_the_real_articles_and_every_edited_copy_found():
    spec = importlib.util.spec_from_file_location("news_duplicates", BENCH)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    result = bench.measure()
    assert result["articles"] >= 100
    assert result["false_matches"] == 0
    assert result["copies_missed"] == 0
