"""kg: knowledge graphs of news events, from articles to a SPARQL endpoint.

The pipeline, one module per stage::

    kg.extract  articles -> facts           kg.facts     facts files (YAML)
    kg.mapping  facts -> RDF                kg.validate  SHACL      kg.owlcheck  OWL (HermiT)
    kg.build    map + validate + write      kg.store     embedded / Fuseki
    kg.serve    SPARQL endpoint, pages      kg.queries   the named query library

The Python API (:mod:`kg.api`) is exported here, imported on first use so that ``kg
--help`` stays fast::

    import kg

    built = kg.build_dataset("examples/facts", out="build/kg")
    with kg.open("build/kg") as dataset:
        rows = dataset.query("deployments")
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kg.api import (
        Built,
        Dataset,
        DraftsRefused,
        Rows,
        ValidationFailed,
        build_dataset,
        extract_facts,
        validate_facts,
    )
    from kg.api import open_dataset as open
    from kg.errors import KgError

__version__ = "0.1.0"
__all__ = [
    "Built",
    "Dataset",
    "DraftsRefused",
    "KgError",
    "Rows",
    "ValidationFailed",
    "__version__",
    "build_dataset",
    "extract_facts",
    "open",
    "validate_facts",
]

_LAZY = {
    "Built": ("kg.api", "Built"),
    "Dataset": ("kg.api", "Dataset"),
    "DraftsRefused": ("kg.api", "DraftsRefused"),
    "KgError": ("kg.errors", "KgError"),
    "Rows": ("kg.api", "Rows"),
    "ValidationFailed": ("kg.api", "ValidationFailed"),
    "build_dataset": ("kg.api", "build_dataset"),
    "extract_facts": ("kg.api", "extract_facts"),
    "open": ("kg.api", "open_dataset"),
    "validate_facts": ("kg.api", "validate_facts"),
}


def __getattr__(name: str) -> Any:
    """The API's names, imported when first used."""
    if name not in _LAZY:
        raise AttributeError(f"module 'kg' has no attribute {name!r}")
    module, attribute = _LAZY[name]
    return getattr(importlib.import_module(module), attribute)
