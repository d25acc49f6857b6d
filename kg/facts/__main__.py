"""``python -m kg.facts --write``: regenerate the facts JSON Schema and docs/facts-format.md
from the model (``--check``: fail if they are stale; ``--json``/``--markdown``: print)."""

import sys

from kg.facts.schema import main

sys.exit(main())
