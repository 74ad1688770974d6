"""Hostile unit lists to the real server (the .xlsx path of issue 11, point 2): a workbook whose
sheet inflates to hundreds of megabytes is refused with a Vietnamese 413 once the inflated bytes pass
the limit (counted while inflating, not as declared), a large real list is parsed off the event loop,
and `/api/v1/health` keeps answering through both."""

from __future__ import annotations

import io
import time
import zipfile

import httpx
from openpyxl import Workbook

from tests.test_hostile_uploads import HealthPoller, server  # noqa: F401

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_SHEET_ROW = ('<row><c t="inlineStr"><is><t>X{k}</t></is></c>'
              '<c t="inlineStr"><is><t>Xã thử {k}</t></is></c></row>')


def xlsx_bomb(megabytes: int = 400) -> bytes:
    """A well-formed workbook whose one sheet is `megabytes` MB of blank space between two real rows,
    deflated to well under a megabyte; the sizes it declares are true, only large."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"><Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
            '"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName='
            '"/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'spreadsheetml.worksheet+xml"/></Types>'))
        z.writestr("_rels/.rels", f'<?xml version="1.0"?><Relationships xmlns="{_PKG_REL}"><Relationship '
                   f'Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", f'<?xml version="1.0"?><workbook xmlns="{_MAIN}" xmlns:r="{_REL}">'
                   '<sheets><sheet name="Don vi" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", f'<?xml version="1.0"?><Relationships xmlns="{_PKG_REL}">'
                   f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
                   "</Relationships>")
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(f'<?xml version="1.0"?><worksheet xmlns="{_MAIN}"><sheetData>'.encode())
            sheet.write(b'<row><c t="inlineStr"><is><t>ma</t></is></c><c t="inlineStr"><is><t>ten</t></is>'
                        b"</c></row>")
            blank = b" " * 1_048_576
            for _ in range(megabytes):
                sheet.write(blank)
            sheet.write(_SHEET_ROW.format(k=1).encode() + b"</sheetData></worksheet>")
    return out.getvalue()


def large_list(rows: int) -> bytes:
    """A real unit list saved by openpyxl: one province and `rows` communes under it."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Mã", "Tên", "Mã cấp trên", "Loại"])
    sheet.append(["TINH", "Tỉnh thử", "", "tinh_uy"])
    for k in range(rows):
        sheet.append([f"XA{k:05d}", f"Xã thử số {k}", "TINH", "UBND xã"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_an_inflating_workbook_is_refused_and_a_large_one_parsed_while_health_answers(
        server: tuple[str, object]) -> None:  # noqa: F811
    base, _ = server
    token = httpx.post(f"{base}/auth/login", json={"username": "vanphong", "password": "vanphong123"},
                       timeout=30).json()["token"]
    headers = {"Authorization": f"Bearer {token}"}
    bomb, real = xlsx_bomb(), large_list(3_000)
    assert len(bomb) < 1_048_576  # what is uploaded is small; what it inflates to is not
    poller = HealthPoller(base)
    poller.start()
    try:
        time.sleep(0.5)
        with httpx.Client(timeout=300, headers=headers) as client:
            t0 = time.perf_counter()
            refused = client.post(f"{base}/units/import", files={"file": ("bom-don-vi.xlsx", bomb)})
            took = time.perf_counter() - t0
            assert refused.status_code == 413, refused.text[:300]
            detail = refused.json()["detail"]
            assert "bom-don-vi.xlsx" in detail and "tệp Excel giải nén ra hơn 32 MB" in detail, detail
            assert "—" in detail  # what is wrong, then what to do
            assert took < 60, took
            imported = client.post(f"{base}/units/import", files={"file": ("don-vi.xlsx", real)})
            assert imported.status_code == 200, imported.text[:300]
            codes = [u["code"] for u in imported.json()]
            assert len(codes) == 3_001 and codes[0] == "TINH" and codes[-1] == "XA02999"
    finally:
        poller.finish()
    poller.assert_kept_answering(min_answers=10, beside=f"bomb refused in {took:.1f} s")
    # Nothing of the bomb was written: the units are the real list's, and only those.
    listed = httpx.get(f"{base}/units", headers=headers, timeout=30).json()
    assert len(listed) == 3_001
