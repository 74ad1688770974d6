"""The JSON API under /api/v1: one router per domain, gathered here for create_app."""

from __future__ import annotations

from fastapi import APIRouter

from nghiquyet.web.api import (
    ask,
    assignments,
    audit,
    auth,
    documents,
    followup,
    health,
    levels,
    plans,
    reminders,
    reports,
    review,
    search,
    series,
    shares,
    units,
    updates,
    users,
)
from nghiquyet.web.api.errors import ERROR_RESPONSES

api_router = APIRouter(responses=ERROR_RESPONSES)
for _module in (health, auth, documents, review, plans, units, users, assignments, updates, audit, reports,
                search, ask, reminders, levels, followup, series, shares):
    api_router.include_router(_module.router)
api_router.include_router(levels.approvals)

__all__ = ["api_router"]
