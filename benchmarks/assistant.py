"""The assistant: right %, cited %, invented figures on the question set, and ask() timings at scale.

    python benchmarks/assistant.py                     # SQLite and PostgreSQL, 1,000 documents
    python benchmarks/assistant.py --db sqlite --docs 200
    python benchmarks/assistant.py --holdout           # also score the held-out questions
    python benchmarks/assistant.py --fresh             # also score the fresh set (--sealed: its holdout)
    python benchmarks/assistant.py --new               # also score the new set (--new-sealed: its holdout)
    python benchmarks/assistant.py --docs 0 --outsider -v   # the outsider's sealed set, once, at the end
    python benchmarks/assistant.py --docs 0 --outsider4 -v  # the fourth outsider set's DEV half
    python benchmarks/assistant.py --docs 0 -v         # only the scores, with every wrong answer

First the five seeds are imported into a fresh database (the real import: extractor, search index,
stored facts) and the question set is scored over them, as tests/assistant/test_question_set.py does.
Then the database is filled up to `--docs` documents with the seeds rewritten (other provinces; with
`--import` also other numbers, through the extractor), their lines and facts stored by the same flush
hooks as an import, and every question is asked again in turn: p50/p95 of ask(). The first ask of a
fresh process (no cache of any kind) is timed on its own.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from sqlalchemy import inspect
from sqlalchemy.orm import Session
from tracking import machine_check, measure

from nghiquyet import extract
from nghiquyet.assistant.evaluate import load, score
from nghiquyet.assistant.service import ask, clear_caches
from nghiquyet.commands.common import SYSTEM_ACTOR
from nghiquyet.config import Settings
from nghiquyet.db import make_engine, make_session_factory, migrate
from nghiquyet.demo import seeds_dir
from nghiquyet.documents.models import Document
from nghiquyet.documents.service import import_document
from search import each_database

QUESTIONS = Path(__file__).parent.parent / "tests" / "assistant"
PINNED = "chi tieu thu ngan sach nam 2024 cua lam dong la bao nhieu"
PROVINCES = ["Đắk Lắk", "Hòa Bình", "Bình Định", "Quảng Ngãi", "Đồng Nai", "Khánh Hòa", "Gia Lai",
             "Điện Biên", "Sơn La", "Nghệ An"]


def _seeds() -> list[Path]:
    return sorted(Path(seeds_dir()).glob("*.txt"))


def _variant(body: str, rng: random.Random) -> str:
    province = rng.choice(PROVINCES)
    out = body.replace("Lâm Đồng", province).replace("LÂM ĐỒNG", province.upper())
    return re.sub(r"\d+", lambda m: str(max(1, int(m.group()) + rng.randint(-3, 3))), out)


def _report(name: str, items: list[dict[str, Any]], session: Any, settings: Settings, verbose: bool) -> None:
    result = score(items, lambda q: ask(session, settings, q))
    print(f"  {name:<22} {result.total} questions: right {100 * result.right_share:5.1f}%  "
          f"cited {100 * result.cited_share:5.1f}% of {result.found} found  invented {result.invented}",
          flush=True)
    if verbose:
        for wrong in result.wrong:
            print(f"    WRONG {wrong['question']!r} expected {wrong['expected']} found={wrong['found']}"
                  f" -> {wrong['answer'][:200]!r}")


def _load_fast(session: Session, docs: int) -> None:
    """Documents rewritten from the seeds (another province in every line) that reuse the seeds'
    extraction: the extractor is skipped, but the search and assistant flush hooks store every
    line and fact as an import would (the fast path of benchmarks/search.py)."""
    rng = random.Random(1)
    seeds = [(p.read_text(encoding="utf-8"), extract(p).to_dict()) for p in _seeds()]
    for n in range(len(seeds), docs):
        body, extraction = seeds[n % len(seeds)]
        province = rng.choice(PROVINCES)
        lines = body.replace("Lâm Đồng", province).replace("LÂM ĐỒNG", province.upper()).splitlines()
        sha = hashlib.sha256(f"{n}:{province}:{body}".encode()).hexdigest()
        doc = Document(filename=f"vb_{n:04d}.txt", sha256=sha, size=len(body), kind="txt",
                       stored_path=f"documents/{sha}.txt", extraction=extraction, doc_type="nghi_quyet")
        inspect(doc).info["source_lines"] = lines  # what import_document hands the index hook
        session.add(doc)
        if n % 50 == 49:
            session.flush()


def run(url: str, name: str, docs: int, repeat: int, holdout: bool, verbose: bool,
        args_fast: bool = True, fresh: bool = False, sealed: bool = False, outsider: bool = False,
        new: bool = False, new_sealed: bool = False, outsider4: bool = False,
        outsider4_sealed: bool = False) -> None:
    migrate(url)
    with tempfile.TemporaryDirectory() as data_dir:
        settings = Settings(database_url=url, data_dir=Path(data_dir))
        engine = make_engine(url)
        factory = make_session_factory(engine)
        with factory() as session:
            for path in _seeds():
                import_document(session, filename=path.name, data=path.read_bytes(), actor=SYSTEM_ACTOR,
                                settings=settings)
            session.commit()
            print(f"{name}: the five seeds imported", flush=True)
            dev = load(QUESTIONS / "questions.json")
            _report("dev set", dev, session, settings, verbose)
            if holdout:
                _report("holdout set", load(QUESTIONS / "questions_holdout.json"), session, settings, verbose)
            if fresh:
                _report("fresh set", load(QUESTIONS / "questions_fresh.json"), session, settings, verbose)
            if sealed:
                _report("fresh holdout (sealed)", load(QUESTIONS / "questions_fresh_holdout.json"), session,
                        settings, verbose)
            if new:
                _report("new set", load(QUESTIONS / "questions_new.json"), session, settings, verbose)
            if new_sealed:
                _report("new holdout (sealed)", load(QUESTIONS / "questions_new_holdout.json"), session,
                        settings, verbose)
            if outsider:
                _report("outsider (sealed)", load(QUESTIONS / "questions_outsider.json"), session, settings,
                        verbose)
            if outsider4:
                _report("outsider4 dev", load(QUESTIONS / "questions_outsider4.json"), session, settings,
                        verbose)
            if outsider4_sealed:
                _report("outsider4 (sealed)", load(QUESTIONS / "questions_outsider4_sealed.json"), session,
                        settings, verbose)
        if docs <= len(_seeds()):
            engine.dispose()
            return
        start = time.perf_counter()
        with factory() as session:
            if args_fast:
                _load_fast(session, docs)
            else:
                rng = random.Random(1)
                bodies = [p.read_text(encoding="utf-8") for p in _seeds()]
                for n in range(len(bodies), docs):
                    body = _variant(bodies[n % len(bodies)], rng)
                    import_document(session, filename=f"vb_{n:04d}.txt", data=body.encode(),
                                    actor=SYSTEM_ACTOR, settings=settings)
                    if n % 50 == 49:
                        session.commit()
            session.commit()
        print(f"{name}: {docs:,} documents loaded in {time.perf_counter() - start:.0f} s", flush=True)
        print(machine_check(), flush=True)
        questions = [item["question"] for item in dev]
        with factory() as session:
            clear_caches()
            began = time.perf_counter()
            first = ask(session, settings, PINNED)
            print(f"  first ask of a fresh process: {1000 * (time.perf_counter() - began):.0f} ms "
                  f"(found={first.found}: {first.answer[:80]!r})", flush=True)
            turn = iter(range(10**9))
            measure(f"ask, {len(questions)} questions in turn", repeat,
                    lambda: ask(session, settings, questions[next(turn) % len(questions)]))
            measure("ask the pinned question", 30, lambda: ask(session, settings, PINNED))
            _report(f"dev set at {docs:,} docs", dev, session, settings, verbose=False)
        print(machine_check(), flush=True)
        engine.dispose()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=200)
    ap.add_argument("--db", choices=("sqlite", "postgres", "both"), default="both")
    ap.add_argument("--holdout", action="store_true", help="also score questions_holdout.json")
    ap.add_argument("--fresh", action="store_true", help="also score questions_fresh.json")
    ap.add_argument("--sealed", action="store_true",
                    help="also score questions_fresh_holdout.json (score it once, at the end)")
    ap.add_argument("--outsider", action="store_true",
                    help="also score questions_outsider.json (an outsider's; score it once, at the end)")
    ap.add_argument("--new", action="store_true", help="also score questions_new.json")
    ap.add_argument("--new-sealed", action="store_true",
                    help="also score questions_new_holdout.json (score it once, at the end)")
    ap.add_argument("--outsider4", action="store_true",
                    help="also score questions_outsider4.json (the fourth outsider set's DEV half)")
    ap.add_argument("--outsider4-sealed", action="store_true",
                    help="also score questions_outsider4_sealed.json (SEALED: the lead, once, at the end)")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every wrong answer")
    ap.add_argument("--import", dest="real_import", action="store_true",
                    help="extract every extra document (slow) instead of reusing the seeds' extraction")
    args = ap.parse_args()
    for name, url in each_database(args.db):
        run(url, name, args.docs, args.repeat, args.holdout, args.verbose, not args.real_import,
            fresh=args.fresh, sealed=args.sealed, outsider=args.outsider, new=args.new,
            new_sealed=args.new_sealed, outsider4=args.outsider4, outsider4_sealed=args.outsider4_sealed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
