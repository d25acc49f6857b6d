"""Quad stores: the embedded pyoxigraph store (default) and Apache Jena Fuseki.

The stores are imported on first use: :mod:`kg.store.base` (the interface and the values
it returns) needs neither pyoxigraph nor SPARQLWrapper, so ``kg query --help`` loads neither.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from kg.store.base import SelectResult, Store, Term

if TYPE_CHECKING:
    from kg.store.embedded import EmbeddedStore
    from kg.store.fuseki import FusekiStore

__all__ = ["EmbeddedStore", "FusekiStore", "SelectResult", "Store", "Term"]

_LAZY = {"EmbeddedStore": "kg.store.embedded", "FusekiStore": "kg.store.fuseki"}


def __getattr__(name: str) -> Any:
    """The store classes, imported when first used."""
    if name not in _LAZY:
        raise AttributeError(f"module 'kg.store' has no attribute {name!r}")
    return getattr(importlib.import_module(_LAZY[name]), name)
