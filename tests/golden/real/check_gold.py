"""Check hand-made gold files against their documents (stdlib only).

Each indicator's and each result's `text` must occur on its 1-based `line` of the
document, and every target/result value must be one of the numbers written in that
text (Vietnamese format: "1.010" is 1010, "7,2" is 7.2). A gold file that fails
misleads whoever tunes on it, so this runs before anything is scored.

    python tests/golden/real/check_gold.py tests/golden/real/dev tests/golden/real/holdout
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

NUMBER = re.compile(r"\d+(?:\.\d{3})*(?:,\d+)?")
SCHEMA = "nghiquyet.extraction/v1"


def numbers_in(text: str) -> set[float]:
    """Every number written in the text, read the Vietnamese way."""
    found: set[float] = set()
    for match in NUMBER.finditer(text):
        raw = match.group()
        found.add(float(raw.replace(".", "").replace(",", ".")))
        # "2.500" is 2500, but a bare "6.5" (English style) is kept as read too.
        if re.fullmatch(r"\d+\.\d+", raw):
            found.add(float(raw))
    return found


def has_value(value: float, text: str) -> bool:
    return any(abs(value - n) < 1e-9 for n in numbers_in(text))


def check_pair(gold_path: Path, doc_path: Path) -> list[str]:
    """Problems found in one gold file (empty when it is sound)."""
    problems: list[str] = []
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    lines = doc_path.read_text(encoding="utf-8").split("\n")
    where = gold_path.name
    if gold.get("schema") != SCHEMA:
        problems.append(f"{where}: schema is not {SCHEMA}")
    if gold.get("source") != doc_path.name:
        problems.append(f"{where}: source {gold.get('source')!r} is not {doc_path.name!r}")
    for key in ("metadata", "indicators", "tasks", "assignments", "results"):
        if key not in gold:
            problems.append(f"{where}: key {key!r} missing")

    def on_line(kind: str, item: dict[str, object]) -> bool:
        line, text = item.get("line"), item.get("text")
        if not isinstance(line, int) or not isinstance(text, str) or not text:
            problems.append(f"{where}: {kind} without int line / text: {item!r:.80}")
            return False
        if not 1 <= line <= len(lines) or text not in lines[line - 1]:
            problems.append(f"{where}: {kind} text not on line {line}: {text[:60]!r}")
            return False
        return True

    for ind in gold.get("indicators", []):
        if on_line("indicator", ind):
            for target in ind.get("targets", []):
                for key in ("value", "value_max"):
                    value = target.get(key)
                    if value is not None and not has_value(float(value), ind["text"]):
                        problems.append(f"{where}: line {ind['line']}: {key} {value} not in text")
                if target.get("comparator") == "range" and target.get("value_max") is None:
                    problems.append(f"{where}: line {ind['line']}: range without value_max")
    for res in gold.get("results", []):
        if on_line("result", res):
            value = res.get("value")
            if not isinstance(value, (int, float)) or not has_value(float(value), res["text"]):
                problems.append(f"{where}: result line {res['line']}: value {value} not in text")
    return problems


def check_folder(folder: Path) -> list[str]:
    """Check every gold/*.json in folder against docs/<source>."""
    problems: list[str] = []
    gold_files = sorted((folder / "gold").glob("*.json"))
    docs = {p.stem for p in (folder / "docs").iterdir()} if (folder / "docs").is_dir() else set()
    if not gold_files:
        problems.append(f"{folder}: no gold files")
    for gold_path in gold_files:
        source = json.loads(gold_path.read_text(encoding="utf-8")).get("source", "")
        doc_path = folder / "docs" / str(source)
        if not doc_path.is_file():
            problems.append(f"{gold_path.name}: document {source!r} not found")
            continue
        problems.extend(check_pair(gold_path, doc_path))
        docs.discard(doc_path.stem)
    problems.extend(f"{folder}: document {d} has no gold" for d in sorted(docs))
    return problems


def main(argv: list[str]) -> int:
    here = Path(__file__).parent
    folders = [Path(a) for a in argv] or [here / "dev", here / "holdout"]
    problems = [p for folder in folders for p in check_folder(folder)]
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problem(s) in {', '.join(str(f) for f in folders)}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
