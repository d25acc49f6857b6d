"""VoID's counts: brought up to date from the statements a rebuild adds and removes, they
are what the queries over the whole store give (kg/build/void.py)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.build.void import Counts, CountsUpdate, query_counts
from kg.rdf.vocab import KG
from kg.store.embedded import EmbeddedStore

TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
# Few terms, so that graphs share subjects, properties and typed instances.
SUBJECTS = [f"<http://x/s{i}>" for i in range(5)]
PROPERTIES = [f"<http://x/p{i}>" for i in range(3)]
CLASSES = [f"<{KG.Organization}>", f"<{KG.Person}>", f"<{KG.Location}>", f"<{KG.Event}>"]
CLASSES.append("<http://x/Other>")
GRAPHS = [f"http://x/g{i}" for i in range(4)]

statements = st.one_of(
    st.builds(
        lambda s, p, o: f"{s} {p} {o} .",
        st.sampled_from(SUBJECTS),
        st.sampled_from(PROPERTIES),
        st.sampled_from([*SUBJECTS, '"a"', '"b"@en']),
    ),
    st.builds(
        lambda s, c: f"{s} {TYPE} {c} .", st.sampled_from(SUBJECTS), st.sampled_from(CLASSES)
    ),
)
graphs = st.dictionaries(st.sampled_from(GRAPHS), st.sets(statements, max_size=6), max_size=4)


def fill(store: EmbeddedStore, content: dict[str, set[str]]) -> None:
    for graph, triples in content.items():
        if triples:
            store.replace_graph(graph, "\n".join(sorted(triples)))


@settings(max_examples=150, deadline=None)
@given(graphs, graphs)
def test_counts_updated_from_what_changed_are_the_queried_counts(
    old: dict[str, set[str]], new: dict[str, set[str]]
) -> None:
    """Whatever the graphs were and become, sharing subjects, properties and instances."""
    store = EmbeddedStore()
    fill(store, old)
    update = CountsUpdate(query_counts(store))
    changes = []
    for graph in GRAPHS:
        before, after = old.get(graph, set()), new.get(graph, set())
        if before != after:
            assert update.note(before - after, added=False)
            assert update.note(after - before, added=True)
            changes.append((graph, after))
    update.before(store)
    for graph, after in changes:
        if after:
            store.replace_graph(graph, "\n".join(sorted(after)))
        else:
            store.delete_graph(graph)
    update.after(store)
    assert update.counts() == query_counts(store)


def test_a_blank_node_or_a_literal_class_asks_for_the_queries() -> None:
    update = CountsUpdate(Counts(0, 0, 0, 0, []))
    assert not update.note(["_:b <http://x/p> <http://x/o> ."], added=True)
    assert not update.note([f'<http://x/s> {TYPE} "C" .'], added=True)
    assert update.note(['<http://x/s> <http://x/p> "a b ." .'], added=True)
    assert update.triples == 1 and update.lookups == 2
