"""Demo data: Lâm Đồng's units and accounts, the five seed documents, assignments and updates.

Data files (units.csv, accounts.csv, assignments.csv, seeds/) ship inside the package so
`nghiquyet demo` works without the project's shared folder.
"""

from nghiquyet.demo.build import DemoAccount, DemoSummary, build_demo, demo_accounts, seeds_dir

__all__ = ["DemoAccount", "DemoSummary", "build_demo", "demo_accounts", "seeds_dir"]
