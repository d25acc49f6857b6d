"""The build stage: facts files to a dataset directory, in one place.

- :mod:`kg.build.compile`: load, map and validate facts files in parallel batches;
- :mod:`kg.build.dataset`: write the dataset (N-Quads, TriG, Turtle, JSON-LD, VoID, the
  embedded store) atomically;
- :mod:`kg.build.cache`: what a rebuild reuses of the previous build.

:func:`kg.api.build_dataset` runs them in that order; the names below are the compile
step's, which the other parts of kg use.
"""

from __future__ import annotations

from kg.build.compile import (
    ArticleResult,
    BatchResult,
    Compiled,
    compile_facts,
    facts_files,
    process_batch,
    review_files,
)

__all__ = [
    "ArticleResult",
    "BatchResult",
    "Compiled",
    "compile_facts",
    "facts_files",
    "process_batch",
    "review_files",
]
