"""placeholder"""
from __future__ import annotations
import datetime as dt
from typing import Any
def find_deployments(lay: Any, lang: Any, ents: Any, published: dt.date, roles: Any) -> list[Any]:
    return []
def find_protests(lay: Any, lang: Any, ents: Any, published: dt.date) -> list[Any]:
    return []
