"""The W3C SPARQL 1.1 Protocol and Graph Store Protocol tests on kg serve and on Fuseki.

    python eval/w3c_protocol.py                      # starts both servers, prints the counts
    python eval/w3c_protocol.py --fuseki-url URL     # use a running Fuseki dataset (wiped!)
    python eval/w3c_protocol.py --only kg            # one server only

kg serves a copy of the example dataset with an update token; Fuseki 5.6.0 is started with
``scripts/fuseki`` (a ``/kg`` dataset whose default graph is the union of the named
graphs). The cases and the runner are the tests' own (``tests/serve/w3c_cases.py``,
``tests/serve/w3c_runner.py``, run by ``tests/serve/test_w3c_protocol.py``). Prints the passes per
manifest and the first failed check of each failing case. Exit status 0.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "tests" / "serve"))

from fuseki_fixture import start_fuseki, stop_fuseki  # noqa: E402
from serve_fixtures import TOKEN, start_server  # noqa: E402
from w3c_cases import CASES, GSP, PROTOCOL  # noqa: E402
from w3c_runner import Outcome, Target, run_all  # noqa: E402

from kg.build import compile_facts, facts_files  # noqa: E402
from kg.build.dataset import write_dataset  # noqa: E402
from kg.rdf.namespaces import DEFAULT_BASE  # noqa: E402


def kg_target(server_url: str) -> Target:
    """The endpoints of a ``kg serve`` at ``server_url`` (ending in '/')."""
    return Target(
        "kg",
        query=server_url + "sparql",
        update=server_url + "sparql",
        gsp=server_url + "rdf-graph-store",
        auth={"Authorization": f"Bearer {TOKEN}"},
    )


def fuseki_target(dataset_url: str) -> Target:
    """The endpoints of the Fuseki dataset at ``dataset_url`` (``.../kg``)."""
    return Target(
        "Fuseki",
        query=dataset_url + "/query",
        update=dataset_url + "/update",
        gsp=dataset_url + "/data",
    )


@contextmanager
def kg_server() -> Iterator[str]:
    """kg serve on a fresh example dataset, with the update token; yields its URL."""
    with tempfile.TemporaryDirectory(prefix="kg-w3c-") as folder:
        dataset = Path(folder) / "kg"
        compiled = compile_facts(facts_files([REPO / "examples" / "facts"]), jobs=1)
        write_dataset(compiled, dataset, base=DEFAULT_BASE)
        env = {"KG_TEST_TOKEN": TOKEN}
        server = start_server(dataset, "--update-token-env", "KG_TEST_TOKEN", env=env)
        try:
            yield server.url
        finally:
            server.stop()


@contextmanager
def fuseki_server(url: str | None) -> Iterator[str]:
    """The given Fuseki dataset, or a Fuseki started for the run."""
    if url:
        yield url.rstrip("/")
        return
    server = start_fuseki("--port", "0")
    try:
        yield server.url
    finally:
        stop_fuseki(server.port)


def report(name: str, outcomes: list[Outcome]) -> None:
    print(f"{name}:")
    for manifest in (PROTOCOL, GSP):
        mine = [o for o in outcomes if o.case.manifest == manifest]
        print(f"  {manifest:22} {sum(o.passed for o in mine):3} of {len(mine)}")
    print(f"  {'total':22} {sum(o.passed for o in outcomes):3} of {len(outcomes)}")
    for outcome in outcomes:
        if not outcome.passed:
            first = (outcome.failure or "").splitlines()[0][:160]
            print(f"  FAIL {outcome.case.name}: {first}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fuseki-url", default=os.environ.get("KG_FUSEKI_URL"))
    parser.add_argument("--only", choices=["kg", "fuseki"])
    args = parser.parse_args(argv)
    print(f"{len(CASES)} cases of the W3C manifests (w3c/rdf-tests, sparql/sparql11)")
    if args.only != "fuseki":
        with kg_server() as url:
            report("kg serve", run_all(kg_target(url)))
    if args.only != "kg":
        with fuseki_server(args.fuseki_url) as url:
            report("Fuseki 5.6.0", run_all(fuseki_target(url)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
