"""HTML pages (Jinja2 + HTMX): one router per domain, gathered into `router` for create_app."""

from __future__ import annotations

from fastapi import APIRouter

from nghiquyet.web.pages import (
    account,
    approval_levels,
    approvals,
    approve_below,
    assign,
    assistant,
    auth,
    dashboard,
    documents,
    flags,
    followup,
    handbook,
    levels,
    mine,
    plans,
    reminders,
    review_reshape,
    search,
    series,
    shares,
    units,
)

router = APIRouter(include_in_schema=False)
for _module in (auth, account, dashboard, documents, review_reshape, plans, assign, mine, approvals, units,
                search, assistant, reminders, levels, approve_below, followup, flags, handbook, series,
                approval_levels, shares):
    router.include_router(_module.router)

__all__ = ["router"]
