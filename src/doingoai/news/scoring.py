"""Field-level precision and recall of the news reader over a labelled corpus.

A corpus is a folder of articles ``NNN_slug.txt`` (or ``.html``, ``.htm``,
``.docx``) each with ``NNN_slug.json``: the ``Extraction.to_json()`` output
a careful reader would produce, plus ``_published`` (the publication date to
pass to the reader when the article does not carry one).

Scoring, per field and summed over all articles:

- single-valued fields (``title``, ``published``, ``start_date``,
  ``end_date``, ``kind``, ``agreement``): a non-empty prediction counts as
  predicted, a non-empty label as expected, equal values (strings compared
  after :func:`doingoai.core.text.fold`) as a hit;
- list fields (``units``, ``partners``, ``places``, ``countries``,
  ``subdivisions``): sets of folded strings, hits = intersection; partners are
  compared by the organisation they name
  (:func:`doingoai.news.matching.organisation_key`: "CARE Quốc tế tại Việt Nam"
  and "CARE" are one partner, as the product matches them to one directory entry),
  places by the place they name (:func:`doingoai.news.matching.place_key`: "tỉnh An
  Giang" and "An Giang" are one place), units by the unit they name
  (:func:`doingoai.news.matching.unit_key`: "Hội LHPN Thành phố Huế" and "Hội Liên hiệp
  Phụ nữ thành phố Huế");
- ``amounts``: sets of ``(value, currency, direction)``.

``score(corpus_dir)`` returns ``{"fields": {field: {precision, recall, tp,
predicted, expected}}, "articles": n, "seconds": s, "articles_per_second":
r, "mistakes": [...]}``; run ``python -m doingoai.news.scoring DIR`` for a
table.
"""

from __future__ import annotations

import json
import sys
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

from doingoai.core.text import fold

from .documents import SUFFIXES, read_document
from .extraction import DOUBTS, extract
from .matching import organisation_key, place_key, unit_key

__all__ = ["FIELDS", "load_corpus", "read_article", "score", "score_pairs"]

SCALAR_FIELDS = ("title", "published", "start_date", "end_date", "kind", "agreement")
LIST_FIELDS = ("units", "partners", "places", "countries", "subdivisions")
FIELDS = (*SCALAR_FIELDS, *LIST_FIELDS, "amounts")


def load_corpus(corpus_dir: str | Path) -> list[tuple[Path, dict]]:
    """``(article path, label)`` pairs, in name order."""
    corpus_dir = Path(corpus_dir)
    pairs = []
    for label_path in sorted(corpus_dir.glob("*.json")):
        for suffix in SUFFIXES:
            source = label_path.with_suffix(suffix)
            if source.exists():
                pairs.append((source, json.loads(label_path.read_text(encoding="utf-8"))))
                break
    return pairs


def read_extraction(source: Path, label: dict | None = None, *, use_model: bool = True):
    """Run the reader on one corpus article (``use_model`` False: the rules alone), with
    the publication date its label gives."""
    published = None
    if label and label.get("_published"):
        published = date.fromisoformat(label["_published"])
    if source.suffix.lower() == ".txt":
        text = source.read_text(encoding="utf-8")
        return extract(text, published=published, use_model=use_model)
    doc = read_document(source)
    return extract(
        doc.body_text,
        title=doc.title,
        published=published or doc.published,
        use_model=use_model,
    )


def read_article(source: Path, label: dict | None = None, *, use_model: bool = True) -> dict:
    """Run the reader on one corpus article and return its JSON (``use_model`` False: the
    rules alone)."""
    return read_extraction(source, label, use_model=use_model).to_json()


def _norm_scalar(value) -> str:
    return fold(str(value)) if value not in (None, "") else ""


def _amount_key(item: dict) -> tuple:
    value = Decimal(str(item.get("value"))).normalize()
    return (value, item.get("currency"), item.get("direction"))


def _values(name: str, data: dict) -> set:
    value = data.get(name)
    if name == "amounts":
        return {_amount_key(a) for a in value or []}
    if name == "partners":
        # two names of one organisation are one partner ("CARE Quốc tế tại Việt Nam" and
        # "CARE"): compared by the organisation they name, as the product matches them
        return {organisation_key(v) for v in value or [] if v}
    if name == "units":
        # "Hội LHPN Thành phố Huế" and "Hội Liên hiệp Phụ nữ thành phố Huế": one unit, as
        # the product matches them to the unit tree
        return {unit_key(v) for v in value or [] if v}
    if name == "places":
        # "tỉnh An Giang" and "An Giang": one place, written with its level word or not
        return {place_key(v) for v in value or [] if v}
    if name in LIST_FIELDS:
        return {fold(v) for v in value or [] if v}
    norm = _norm_scalar(value)
    return {norm} if norm else set()


def _one_day(values: dict) -> dict:
    """An end date equal to the start date says nothing more: a one-day event (the
    reader writes it, the real-article labels leave it empty; both mean the same)."""
    if values.get("end_date") and values.get("end_date") == values.get("start_date"):
        return {**values, "end_date": None}
    return values


def score_pairs(pairs: list[tuple[str, dict, dict]]) -> dict:
    """Score ``(name, predicted, expected)`` triples."""
    totals = {f: {"tp": 0, "predicted": 0, "expected": 0} for f in FIELDS}
    mistakes = []
    for name, predicted, expected in pairs:
        predicted, expected = _one_day(predicted), _one_day(expected)
        for field in FIELDS:
            if field not in expected:
                continue
            p, e = _values(field, predicted), _values(field, expected)
            totals[field]["tp"] += len(p & e)
            totals[field]["predicted"] += len(p)
            totals[field]["expected"] += len(e)
            if p != e:
                mistakes.append(
                    {
                        "article": name,
                        "field": field,
                        "extra": sorted(map(str, p - e)),
                        "missing": sorted(map(str, e - p)),
                    }
                )
    fields = {}
    for field, t in totals.items():
        fields[field] = {
            **t,
            "precision": t["tp"] / t["predicted"] if t["predicted"] else 1.0,
            "recall": t["tp"] / t["expected"] if t["expected"] else 1.0,
        }
    return {"fields": fields, "mistakes": mistakes}


def sureness(results: list[tuple[str, dict, dict]], mistakes: list[dict]) -> dict:
    """How well the reader knows where it errs: per field, how many articles it marked
    unsure and how many of those it got wrong, against the articles it was sure of."""
    wrong = {(m["article"], m["field"]) for m in mistakes}
    out = {f: {"unsure": 0, "unsure_wrong": 0, "sure": 0, "sure_wrong": 0} for f in DOUBTS}
    for name, predicted, expected in results:
        doubted = set(predicted.get("unsure") or [])
        for field, counts in out.items():
            if field not in expected:
                continue
            which = "unsure" if field in doubted else "sure"
            counts[which] += 1
            counts[which + "_wrong"] += (name, field) in wrong
    return out


def score(corpus_dir: str | Path, *, repeat: int = 1, use_model: bool = True) -> dict:
    """Precision and recall per field over a corpus, and the reading speed."""
    corpus = load_corpus(corpus_dir)
    if corpus:
        read_article(*corpus[0], use_model=use_model)  # warm up the gazetteer (and model)
    started = time.perf_counter()
    results = []
    for _ in range(max(1, repeat)):
        results = [
            (src.name, read_article(src, label, use_model=use_model), label)
            for src, label in corpus
        ]
    seconds = time.perf_counter() - started
    report = score_pairs(results)
    report["sureness"] = sureness(results, report["mistakes"])
    count = len(corpus) * max(1, repeat)
    report.update(
        {
            "articles": len(corpus),
            "seconds": seconds,
            "articles_per_second": count / seconds if seconds else float("inf"),
        }
    )
    return report


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    corpus_dir = argv[0] if argv else "tests/news/corpus"
    report = score(corpus_dir, repeat=3)
    print(f"{'field':<14}{'precision':>10}{'recall':>10}{'tp':>6}{'pred':>6}{'exp':>6}")
    for field, f in report["fields"].items():
        print(
            f"{field:<14}{f['precision']:>10.3f}{f['recall']:>10.3f}"
            f"{f['tp']:>6}{f['predicted']:>6}{f['expected']:>6}"
        )
    print(f"{report['articles']} articles, {report['articles_per_second']:.1f} articles/s")
    if "-v" in argv:
        for m in report["mistakes"]:
            print(m)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
