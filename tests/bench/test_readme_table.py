"""bench/readme_table.py: the README's benchmark table regenerated from result files."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.once

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "readme_table.py"


def result(tmp_path, name, rows, load=None):
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(rows))
    if load:
        (tmp_path / f"{name}-load.json").write_text(json.dumps(load))
    return path


def page(name, p50, p95, raw):
    return {"name": name, "p50_ms": p50, "p95_ms": p95, "p99_ms": p95, "raw_sql_ms": raw}


def run(*args):
    return subprocess.run(
        [sys.executable, str(SCRIPT), *map(str, args)], capture_output=True, text=True
    )


def test_the_table_between_the_markers_is_replaced_with_each_page_and_its_goal(tmp_path):
    sqlite = result(
        tmp_path,
        "2030-01-01-0000-sqlite-full",
        [
            page("search dak lak", 2.0, 3.0, 1.0),
            page("search dak lak, after a change", 14.0, 25.0, 1.0),
            page("activity list p1, after a change", 15.0, 20.0, 2.0),
        ],
        load={
            "clients": 50,
            "seconds": 20.0,
            "rps": 873.0,
            "errors": 0,
            "with_changes": {"rps": 746.0, "errors": 0, "cpu_ms_per_request": 1.5},
            "write": [{"name": "save an activity (edit form, in-process)", "p95_ms": 38.0}],
        },
    )
    postgres = result(
        tmp_path,
        "2030-01-01-0001-postgres-full",
        [
            page("search dak lak, after a change", 18.0, 33.0, 3.8),
            page("activity list p1, after a change", 9.0, 12.0, 4.0),
        ],
    )
    readme = tmp_path / "README.md"
    readme.write_text(
        "# Title\n\nbefore\n<!-- bench-table:start -->\nold table\n"
        "<!-- bench-table:end -->\nafter\n"
    )
    done = run("--sqlite", sqlite, "--postgres", postgres, "--readme", readme)
    assert done.returncode == 0, done.stderr
    text = readme.read_text()
    assert "old table" not in text
    assert text.startswith("# Title\n\nbefore\n<!-- bench-table:start -->\n")
    assert text.endswith("<!-- bench-table:end -->\nafter\n")
    # the page served again is not a row; each page after a change is, per database
    assert "| search dak lak, after a change | ≤ 30 | 14 / 25 | 1 | ✓ | 18 / 33 | 3.8 | ✗ |" in text
    # a list is also held to 3× its raw SQL: 15 ms over 2 ms misses, 9 over 4 meets
    assert (
        "| activity list p1, after a change | ≤ 50, ≤ 3× raw | 15 / 20 | 2 | ✗ | 9 / 12 | 4 | ✓ |"
        in text
    )
    assert "**873 requests/s as is, 746 with an activity saved every second**" in text
    assert "save an activity 38" in text
    assert "2030-01-01-0000-sqlite-full.json" in text


def test_a_readme_without_markers_is_left_alone_with_a_message(tmp_path):
    sqlite = result(tmp_path, "2030-01-01-0000-sqlite-full", [page("x, after a change", 1, 2, 1)])
    readme = tmp_path / "README.md"
    readme.write_text("# Title\n")
    done = run("--sqlite", sqlite, "--readme", readme)
    assert done.returncode != 0
    assert "markers" in done.stderr
    assert readme.read_text() == "# Title\n"
