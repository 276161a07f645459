"""Issue 18: the news reader's statistical half (``doingoai.news.model``), read through the
product's ``extract`` with the shipped model, on real articles of bench/news/corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from doingoai.news.extraction import DOUBTS, extract
from doingoai.news.matching import organisation_key
from doingoai.news.scoring import load_corpus
from doingoai.news.views import DOUBT_TEXTS

ROOT = Path(__file__).resolve().parents[2]


def _both(text: str, published=None):
    return (
        extract(text, published=published, use_model=False),
        extract(text, published=published),
    )


def test_the_model_only_adds_sure_partners_and_marks_them_for_the_officer():
    """On the real articles of one part: the model never takes away what the rules read;
    the partners it adds are marked unsure ("by_model"), highlighted where they are
    written, and never a second name of a partner already read; it adds no place."""
    added = 0
    for source, _label in load_corpus(ROOT / "bench" / "news" / "corpus" / "fresh16"):
        text = source.read_text(encoding="utf-8")
        rules, read = _both(text)
        assert read.places == rules.places, source.name
        before, after = rules.partners, read.partners
        assert after[: len(before)] == before, source.name
        new = after[len(before) :]
        added += len(new)
        if not new:
            continue
        assert read.doubts["partners"] == "by_model", source.name
        marked = {" ".join(text[s:e].split()) for f, s, e in read.spans if f == "partners"}
        assert set(new) <= marked, source.name
        keys = [organisation_key(n) for n in before]
        assert not any(organisation_key(n) in keys for n in new)
    # it does add something: partners the rules did not read
    assert added > 0


def test_one_body_written_two_ways_is_read_once():
    # tests/news/corpus/019: the rules read "Liên hiệp Phụ nữ Quảng Tây"; the model also
    # tags its name in full, "Liên hiệp Phụ nữ Khu tự trị dân tộc Choang Quảng Tây"
    text = (ROOT / "tests" / "news" / "corpus" / "019_langson_quangtay_ky_ket.txt").read_text(
        encoding="utf-8"
    )
    assert extract(text).partners == ["Liên hiệp Phụ nữ Quảng Tây"]
    # bench/news/corpus/fresh4 (Japan's grant): "ĐSQ Nhật Bản" is "Đại sứ quán Nhật Bản"
    text = (
        "Lễ ký kết\n\nNgày 1-11, tại ĐSQ Nhật Bản, Hà Nội đã diễn ra lễ ký kết viện trợ "
        "không hoàn lại."
    )
    assert extract(text).partners == ["Đại sứ quán Nhật Bản"]


@pytest.mark.parametrize(("field", "reason"), [(f, r) for f, rs in DOUBTS.items() for r in rs])
def test_every_doubt_tells_the_officer_why(field, reason):
    assert (field, reason) in DOUBT_TEXTS


@pytest.mark.parametrize(
    "path",
    [
        # kept apart at stop 41 (rules "other"): a Korean delegation meeting the women
        # members of the National Assembly; a Chinese prefecture's delegation leaving after
        # an exchange
        "fresh25/1156_phunuvietnam-phu-nu-han-quoc-nhom-nu-dbq.txt",
        "fresh24/1080_baomoi-chau-hong-ha-lao-cai.txt",
    ],
)
def test_the_kind_classifier_reads_a_visit_the_rules_missed_and_says_so(path):
    """The rules stop at the first cue word; the classifier reads the whole headline and
    lead. Its kind, where it differs, is marked for the officer ("by_model"), and the
    rules' cue word, which names another kind, is no longer highlighted."""
    text = (ROOT / "bench" / "news" / "corpus" / path).read_text(encoding="utf-8")
    rules, read = _both(text)
    assert rules.kind == "other"
    assert read.kind == "delegation_in"
    assert read.doubts["kind"] == "by_model"
    assert not [s for s in read.spans if s[0] == "kind"]


def test_an_online_meeting_stays_online():
    # tests/news/corpus/021: "Hội nghị trực tuyến": online events are too rare in the
    # labelled corpus (10 of 1,175) for the classifier; the rules' reading of the word stands
    text = (ROOT / "tests" / "news" / "corpus" / "021_kiengiang_kampot_truc_tuyen.txt").read_text(
        encoding="utf-8"
    )
    read = extract(text)
    assert read.kind == "online_event"
    assert read.doubts.get("kind") != "by_model"


def test_without_a_shipped_classifier_the_rules_kind_stands(monkeypatch, tmp_path):
    from doingoai.news import model

    text = (
        ROOT
        / "bench"
        / "news"
        / "corpus"
        / "fresh25"
        / ("1156_phunuvietnam-phu-nu-han-quoc-nhom-nu-dbq.txt")
    ).read_text(encoding="utf-8")
    monkeypatch.setattr(model, "KIND_MODEL_PATH", tmp_path / "none.json.gz")
    model._kind_model.cache_clear()
    try:
        assert extract(text).kind == "other"
    finally:
        model._kind_model.cache_clear()
