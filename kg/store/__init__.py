"""Quad stores: the embedded pyoxigraph store (default) and Apache Jena Fuseki."""

from kg.store.base import SelectResult, Store, Term
from kg.store.embedded import EmbeddedStore
from kg.store.fuseki import FusekiStore

__all__ = ["EmbeddedStore", "FusekiStore", "SelectResult", "Store", "Term"]
