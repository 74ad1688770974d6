"""Where the tests find their data: copies carried by the repository, never the shared folder.

The seed texts ship in the package (the demo uses them), their gold, the development corpus and the
reference scorer are copied under tests/ and tools/, so a clone that stands alone runs the suite.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "src" / "nghiquyet" / "demo" / "seeds"
SEED_GOLD = ROOT / "tests" / "golden" / "seeds" / "gold"
DEV = ROOT / "tests" / "golden" / "dev"
SCORER_PATH = ROOT / "tools" / "score_extraction.py"
