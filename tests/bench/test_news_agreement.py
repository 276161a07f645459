"""bench/news_agreement.py: two labellings of corpus articles scored against each other,
and a reader's output against each, from the command line."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.once

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "bench" / "news_agreement.py"
CORPUS = ROOT / "bench" / "news" / "corpus"


def run(*args):
    return subprocess.run(
        [sys.executable, str(SCRIPT), *map(str, args)], capture_output=True, text=True, cwd=ROOT
    )


def row(output: str, field: str) -> list[str]:
    return next(line.split() for line in output.splitlines() if line.startswith(field + " "))


def test_a_second_labelling_that_drops_a_place_is_scored_and_the_place_listed(tmp_path):
    names = [
        "1006_baobariavungtau-hongik-long-dien.json",
        "1007_baotayninh-apwa-brussels-2017.json",
    ]
    second = tmp_path / "second"
    second.mkdir()
    firsts = {}
    for name in names:
        firsts[name] = json.loads((CORPUS / "fresh23" / name).read_text(encoding="utf-8"))
    changed = dict(firsts[names[0]], places=firsts[names[0]]["places"][1:])
    for name, label in ((names[0], changed), (names[1], firsts[names[1]])):
        (second / name).write_text(json.dumps(label, ensure_ascii=False), encoding="utf-8")
    # a "reader" that read exactly the first labels
    reads = tmp_path / "reads.json"
    reads.write_text(
        json.dumps({n[: -len(".json")] + ".txt": firsts[n] for n in names}, ensure_ascii=False),
        encoding="utf-8",
    )

    done = run(second, "--reads", reads, "--disagreements", "places")

    assert done.returncode == 0, done.stderr
    assert "2 articles labelled twice" in done.stdout
    places = row(done.stdout, "places")
    expected = len(firsts[names[0]]["places"]) + len(firsts[names[1]]["places"])
    # labellers, reader/first, reader/second, reader/agreed, first, second, both
    assert float(places[1]) < 1.0
    assert places[2] == "1.000"  # the reader read the first labels
    assert places[4] == "1.000"  # the dropped place is disputed: neither for nor against
    assert places[5:] == [str(expected), str(expected - 1), str(expected - 1)]
    assert row(done.stdout, "partners")[1] == "1.000"
    dropped = "truong th chu van an"
    assert f"1006_baobariavungtau-hongik-long-dien.json: -['{dropped}'] +[]" in done.stdout


def test_a_second_label_with_no_corpus_article_of_its_name_is_refused(tmp_path):
    (tmp_path / "999_nowhere.json").write_text("{}", encoding="utf-8")

    done = run(tmp_path)

    assert done.returncode != 0
    assert "999_nowhere.json: 0 corpus labels of that name" in done.stderr
