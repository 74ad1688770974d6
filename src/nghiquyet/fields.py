"""Pydantic field types the domain schemas share."""

from __future__ import annotations

from typing import Annotated, TypeVar

from pydantic import BeforeValidator
from pydantic.json_schema import SkipJsonSchema

T = TypeVar("T")


def _refuse_null(value: object) -> object:
    if value is None:
        raise ValueError("không được để trống (null); bỏ trường này đi nếu không muốn đổi")
    return value


# A PATCH field for a NOT NULL column: it may be left out (None in Python: "not sent"), but an
# explicit JSON null is refused with a 422 instead of reaching the database as NULL (a 500).
# The documented schema shows the plain type, so clients and Schemathesis never send null.
Given = Annotated[T | SkipJsonSchema[None], BeforeValidator(_refuse_null)]
