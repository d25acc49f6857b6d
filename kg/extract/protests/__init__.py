"""Protests: found sentence by sentence (``find``), with the rules for their places, dates,
causes and the protests troops guard in modules of their own."""

from kg.extract.protests.find import find_protests
from kg.extract.protests.guards import protests_they_guard

__all__ = ["find_protests", "protests_they_guard"]
