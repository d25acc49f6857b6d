"""Quad stores: the embedded pyoxigraph store (default) and Apache Jena Fuseki."""

from kg.store.base import SelectResult, Store, Term
from kg.store.embedded import EmbeddedStore

__all__ = ["EmbeddedStore", "SelectResult", "Store", "Term"]
