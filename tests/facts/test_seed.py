"""The seed article's gold facts, converted to a facts file, build into a conforming graph."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.articles import read_article
from kg.build import compile_facts
from kg.build.dataset import write_dataset
from kg.facts import dump_facts, load_facts
from kg.facts.benchmark import from_benchmark, read_benchmark
from kg.rdf.namespaces import DEFAULT_BASE
from kg.store import EmbeddedStore

SEED = "000-seed-kompas-csto"

QUERY = """
PREFIX kgo: <https://example.org/kg/ontology#>
PREFIX schema: <https://schema.org/>
SELECT ?troops ?qualifier ?start ?withdrawal ?requester WHERE {
  ?d a kgo:Deployment ; kgo:sender ?s ; kgo:destination ?t ; kgo:troops ?q ;
     kgo:startDate/kgo:date ?start ; kgo:withdrawalDate/kgo:date ?withdrawal ;
     kgo:requestedBy/rdfs:label ?requester .
  ?s rdfs:label "CSTO"@id . ?t rdfs:label "Kazakhstan"@id .
  ?q schema:value ?troops ; kgo:qualifier ?qualifier .
}
"""


@pytest.fixture(scope="module")
def seed_store(shared_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> EmbeddedStore:
    folder = tmp_path_factory.mktemp("seed")
    article = read_article(shared_corpus / "articles" / f"{SEED}.txt")
    facts = from_benchmark(
        read_benchmark(shared_corpus / "gold" / f"{SEED}.json"), article, key=SEED
    )
    path = folder / f"{SEED}.yaml"
    path.write_text(dump_facts(facts), encoding="utf-8")
    assert load_facts(path) == facts  # the evidence offsets found in the text check out
    compiled = compile_facts([path], jobs=1)
    assert compiled.report.conforms, compiled.report.to_text()
    write_dataset(compiled, folder / "kg", base=DEFAULT_BASE)
    return EmbeddedStore(folder / "kg" / "store", read_only=True)


def test_the_csto_deployment_keeps_its_hedge_and_dates(seed_store: EmbeddedStore) -> None:
    rows = seed_store.select(
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>" + QUERY
    ).values()
    approx = "https://example.org/kg/ontology#Approximately"
    assert sorted(rows) == [
        ("2500", approx, "2022-01-06", "2022-01-13", "Kassym-Jomart Tokayev"),
        ("2500", approx, "2022-01-06", "2022-01-13", "Tokayev"),
    ]


def test_every_event_quotes_the_seed_article(seed_store: EmbeddedStore) -> None:
    missing = seed_store.select(
        """PREFIX kgo: <https://example.org/kg/ontology#>
        SELECT ?e WHERE { VALUES ?c { kgo:Deployment kgo:Protest kgo:RoleAssignment }
          ?e a ?c FILTER NOT EXISTS { ?e kgo:evidence ?x } }"""
    )
    assert missing.rows == []
    quotes = seed_store.select(
        """PREFIX oa: <http://www.w3.org/ns/oa#>
        SELECT ?q WHERE { ?s oa:exact ?q } ORDER BY ?q"""
    ).values()
    assert ("Presiden Kazakhstan Kassym-Jomart Tokayev",) in quotes
