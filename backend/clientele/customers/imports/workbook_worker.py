"""Reads one sheet of an XLSX, XLSB, XLS or ODS workbook with python-calamine in a child process.

Run by `reading.py` as `python -I workbook_worker.py SHEET MAX_CELL_CHARS` (SHEET "" for the
first visible one), the workbook's bytes on stdin. calamine is Rust: a forged workbook can make
it ask for a terabyte, and a failed allocation aborts the whole process, where no `except`
reaches. Here that ends this child only (the app gets NOT_A_SPREADSHEET), the child's address
space and CPU time are capped, and the sheet calamine holds in memory is the child's.

Writes JSON lines to stdout: first {"sheets", "chosen", "height", "width"} or {"error",
"message", ...}; then one array of cells per row (dates, times and durations tagged as
{"d": ISO}, {"dt": ISO}, {"t": ISO}, {"td": seconds}); then {"end": true}. Plain data only:
the parent never unpickles what a parser of hostile bytes produced.

Imports nothing of clientele: it starts in a fraction of the app's time.
"""

from __future__ import annotations

import datetime as dt
import json
import resource
import sys
from typing import Any

MEMORY_BYTES = 3 * 1024**3  # address space: the 400 MB unpacked limit holds with room
CPU_SECONDS = 120


def _limit() -> None:
    for which, value in ((resource.RLIMIT_AS, MEMORY_BYTES), (resource.RLIMIT_CPU, CPU_SECONDS)):
        _soft, hard = resource.getrlimit(which)
        cap = value if hard == resource.RLIM_INFINITY else min(value, hard)
        resource.setrlimit(which, (cap, hard))


def _cell(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return {"dt": value.isoformat()}
    if isinstance(value, dt.date):
        return {"d": value.isoformat()}
    if isinstance(value, dt.time):
        return {"t": value.isoformat()}
    if isinstance(value, dt.timedelta):
        return {"td": value.total_seconds()}
    if isinstance(value, float) and value != value:  # NaN
        return ""
    if isinstance(value, float) and value in (float("inf"), float("-inf")):
        return str(value)
    return value


def _say(out: Any, message: Any) -> None:
    out.write(json.dumps(message, ensure_ascii=False, separators=(",", ":")))
    out.write("\n")


def main() -> int:
    _limit()
    name = sys.argv[1] or None
    max_cell_chars = int(sys.argv[2])
    out = sys.stdout
    data = sys.stdin.buffer.read()
    import io

    import python_calamine

    try:
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except python_calamine.PasswordError:
        _say(out, {"error": "PASSWORD_PROTECTED"})
        return 0
    except Exception:
        _say(out, {"error": "NOT_A_SPREADSHEET"})
        return 0
    names = list(book.sheet_names)
    if name is not None:
        if name not in names:
            _say(out, {"error": "UNKNOWN_SHEET", "sheets": names})
            return 0
        chosen = name
    else:
        if not names:
            _say(out, {"error": "NO_SHEETS"})
            return 0
        visible = [m.name for m in book.sheets_metadata
                   if m.typ == python_calamine.SheetTypeEnum.WorkSheet
                   and m.visible == python_calamine.SheetVisibleEnum.Visible]
        chosen = visible[0] if visible else names[0]
    try:
        sheet = book.get_sheet_by_name(chosen)
    except Exception:
        _say(out, {"error": "NOT_A_SPREADSHEET", "sheet": chosen})
        return 0
    _say(out, {"sheets": names, "chosen": chosen, "height": sheet.total_height,
               "width": sheet.width})
    out.flush()
    for index, row in enumerate(sheet.iter_rows()):
        if any(isinstance(v, str) and len(v) > max_cell_chars for v in row):
            _say(out, {"error": "CELL_TOO_LONG", "row": index + 1})
            return 0
        _say(out, [_cell(v) for v in row])
    _say(out, {"end": True})
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # the app stopped reading (an error, or enough rows)
        sys.exit(1)
