"""Copy the IATI codelists the importer needs from ../shared/iati/codelists into
src/doingoai/iati/codelists.json (code -> English name, and whether withdrawn), so the
package works without ../shared. Run again when the codelists are updated:

    .venv/bin/python bench/iati/copy_codelists.py
"""

from __future__ import annotations

import json
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT.parent / "shared" / "iati" / "codelists"
TARGET = ROOT / "src" / "doingoai" / "iati" / "codelists.json"
LISTS = {
    "Country": "non-embedded",
    "Currency": "non-embedded",
    "OrganisationType": "non-embedded",
    "TransactionType": "embedded",
}


def read(path: Path) -> dict[str, dict]:
    items = {}
    for item in etree.parse(str(path)).getroot().iter("codelist-item"):
        code = (item.findtext("code") or "").strip()
        name = " ".join((item.findtext("name/narrative") or "").split())
        if code:
            items[code] = {"name": name, "withdrawn": item.get("status") == "withdrawn"}
    return items


def main() -> None:
    out = {name: read(SOURCE / folder / f"{name}.xml") for name, folder in LISTS.items()}
    TARGET.write_text(json.dumps(out, ensure_ascii=False, indent=0, sort_keys=True) + "\n")
    print(TARGET, {name: len(items) for name, items in out.items()})


if __name__ == "__main__":
    main()
