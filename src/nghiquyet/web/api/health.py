"""Liveness for load balancers and the acceptance script: answers without touching the database."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from nghiquyet import __version__

router = APIRouter(tags=["health"])


class Health(BaseModel):
    status: str
    version: str


@router.get("/health")
def health() -> Health:
    return Health(status="ok", version=__version__)
