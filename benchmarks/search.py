"""Search with 1,000 documents loaded: p50/p95 of search() over a few hundred queries, SQLite and PostgreSQL.

    python benchmarks/search.py                 # both databases (PostgreSQL: NGHIQUYET_BENCH_POSTGRES_URL
    python benchmarks/search.py --db sqlite     # or the machine's server at 127.0.0.1:5432)

The documents are the five seeds rewritten with other numbers and province names. Loading skips the
extractor (Document rows are added directly, the fast path), but every line is indexed by the real
flush hook (nghiquyet.search.index), as an import would. Queries are 1-3 word windows of seed lines,
half typed without diacritics, plus a few that match nothing.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import sys
import time
from pathlib import Path

from sqlalchemy import inspect
from tracking import each_database, machine_check, measure

from nghiquyet.db import make_engine, make_session_factory, migrate
from nghiquyet.demo import seeds_dir
from nghiquyet.documents.models import Document
from nghiquyet.search.fold import fold
from nghiquyet.search.service import search

PROVINCES = ["Lâm Đồng", "Đắk Lắk", "Hòa Bình", "Thừa Thiên Huế", "Bình Định", "Quảng Ngãi", "Đồng Nai",
             "Khánh Hòa", "Gia Lai", "Điện Biên"]


def _seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(Path(seeds_dir()).glob("*.txt"))]


def _variant(text: str, rng: random.Random) -> str:
    province = rng.choice(PROVINCES)
    out = text.replace("Lâm Đồng", province).replace("LÂM ĐỒNG", province.upper())
    return re.sub(r"\d+", lambda m: str(max(1, int(m.group()) + rng.randint(-3, 3))), out)


def load(engine_url: str, count: int) -> tuple[float, int]:
    rng = random.Random(1)
    seeds = _seed_texts()
    factory = make_session_factory(make_engine(engine_url))
    start = time.perf_counter()
    lines_total = 0
    with factory() as session:
        for n in range(count):
            body = _variant(seeds[n % len(seeds)], rng)
            lines = body.splitlines()
            lines_total += len(lines)
            sha = hashlib.sha256(f"{n}:{body}".encode()).hexdigest()
            doc = Document(filename=f"vb_{n:04d}.txt", sha256=sha, size=len(body), kind="txt",
                           stored_path=f"documents/{sha}.txt", extraction={}, doc_type="nghi_quyet",
                           year_start=2021 + n % 6, year_end=2021 + n % 6)
            inspect(doc).info["source_lines"] = lines  # what import_document hands the index hook
            session.add(doc)
            if n % 50 == 49:
                session.flush()
        session.commit()
    return time.perf_counter() - start, lines_total


def queries(count: int) -> list[str]:
    rng = random.Random(2)
    lines = [ln for t in _seed_texts() for ln in t.splitlines() if len(ln.split()) >= 4]
    out = []
    for i in range(count):
        words = rng.choice(lines).split()
        start = rng.randrange(len(words) - 2)
        q = " ".join(words[start:start + rng.randint(1, 3)])
        if not re.search(r"[^\W_]", q):  # a window of dashes only: not a query anyone types
            continue
        out.append(fold(q) if i % 2 else q)
    return [*out, "chi tieu nam 2099 khong co", "zzz qqq", "tỉnh Cà Mau"]


def run(url: str, name: str, docs: int, repeat: int) -> None:
    migrate(url)
    seconds, lines = load(url, docs)
    print(f"{name}: {docs:,} documents, {lines:,} lines indexed through the flush hook in {seconds:.1f} s")
    print(machine_check(), flush=True)
    engine = make_engine(url)
    factory = make_session_factory(engine)
    qs = queries(repeat)
    rng = random.Random(3)
    with factory() as session:
        measure("search (1-3 words, half without diacritics)", len(qs),
                lambda: search(session, qs[rng.randrange(len(qs))]))
        measure("search, filtered by year and kind line", len(qs),
                lambda: search(session, qs[rng.randrange(len(qs))], year=2024, kinds=["line"]))
        measure("search 'thu ngan sach'", 50, lambda: search(session, "thu ngan sach"))
    print(machine_check(), flush=True)
    engine.dispose()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=300)
    ap.add_argument("--db", choices=("sqlite", "postgres", "both"), default="both")
    args = ap.parse_args()
    for name, url in each_database(args.db):
        run(url, name, args.docs, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
