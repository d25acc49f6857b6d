"""Extraction: news articles (Indonesian, English) into draft facts files.

Public API: :func:`extract` (one article to :class:`~kg.facts.model.Facts`) and
:func:`run_batch` (many articles, in parallel, written to a directory). Re-running never
overwrites reviewed work (see :mod:`kg.extract.merge`).
"""

from __future__ import annotations

from kg.extract.batch import OutputFormat, Report, run_batch
from kg.extract.bench import to_bench
from kg.extract.lang import detect_language
from kg.extract.merge import MergeResult, merge
from kg.extract.pipeline import TOOL, extract

__all__ = [
    "TOOL",
    "MergeResult",
    "OutputFormat",
    "Report",
    "detect_language",
    "extract",
    "merge",
    "run_batch",
    "to_bench",
]
