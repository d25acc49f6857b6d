"""Rules that give hedged counts and partial dates their bounds.

>>> default_bounds(Qualifier.NEARLY, 2000, None, None)
(None, 2000)
>>> date_bounds(dt.date(2022, 1, 1), Precision.MONTH)
(datetime.date(2022, 1, 1), datetime.date(2022, 1, 31))
"""

from __future__ import annotations

import calendar
import datetime as dt

from kg.facts.model import Precision, Qualifier

__all__ = ["date_bounds", "default_bounds"]


def default_bounds(
    qualifier: Qualifier, value: int | None, low: int | None, high: int | None
) -> tuple[int | None, int | None]:
    """Bounds implied by a qualifier, where the facts file does not give them.

    "hampir 2.000" (nearly) is at most 2000; "lebih dari 500" (more than) is at least 501;
    an exact count is its own bounds; "sekitar" (approximately) implies none.
    """
    if value is None:
        return low, high
    if qualifier is Qualifier.EXACT:
        return (value if low is None else low), (value if high is None else high)
    if qualifier in (Qualifier.NEARLY, Qualifier.AT_MOST):
        return low, (value if high is None else high)
    if qualifier is Qualifier.AT_LEAST:
        return (value if low is None else low), high
    if qualifier is Qualifier.MORE_THAN:
        return (value + 1 if low is None else low), high
    return low, high


def date_bounds(value: dt.date, precision: Precision) -> tuple[dt.date, dt.date]:
    """The first and last day a date of this precision can mean."""
    if precision is Precision.YEAR:
        return dt.date(value.year, 1, 1), dt.date(value.year, 12, 31)
    if precision is Precision.MONTH:
        last = calendar.monthrange(value.year, value.month)[1]
        return dt.date(value.year, value.month, 1), dt.date(value.year, value.month, last)
    return value, value
