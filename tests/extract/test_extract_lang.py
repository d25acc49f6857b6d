"""The language files: every key declared once in schema.yaml, checked when loaded."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from kg.errors import InputError
from kg.extract.lang import LANG_DIR, available, load_resources, resources, schema
from kg.extract.protests.dates import dates_another_event


@pytest.mark.parametrize("code", available())
def test_every_shipped_language_follows_the_schema(code: str) -> None:
    raw = yaml.safe_load((LANG_DIR / f"{code}.yaml").read_text(encoding="utf-8"))
    assert set(raw) == set(schema())
    assert resources(code).code == code


def _write(tmp_path: Path, change: dict[str, object], drop: str | None = None) -> Path:
    raw = yaml.safe_load((LANG_DIR / "en.yaml").read_text(encoding="utf-8"))
    raw.update(change)
    if drop is not None:
        del raw[drop]
    path = tmp_path / "xx.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


def test_a_misspelt_key_is_refused_with_the_file(tmp_path: Path) -> None:
    path = _write(tmp_path, {"deploy_verb": ["sent"]})
    with pytest.raises(InputError, match=r"unknown key 'deploy_verb'") as info:
        load_resources("xx", path)
    assert str(path) in str(info.value)


def test_a_missing_key_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"missing key 'troop_nouns'"):
        load_resources("xx", _write(tmp_path, {}, drop="troop_nouns"))


def test_a_value_of_the_wrong_kind_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"'troop_nouns' must be words, got str"):
        load_resources("xx", _write(tmp_path, {"troop_nouns": "troops"}))


@pytest.mark.parametrize(
    ("extra", "key"),
    [
        ("troop_nouns: [soldiers]\n", "troop_nouns"),  # a key of the file given twice
        ("titles:\n  defence minister: A\n  defence minister: B\n", "defence minister"),
    ],
)
def test_a_key_given_twice_is_refused_with_its_line(tmp_path: Path, extra: str, key: str) -> None:
    """The second value would silently replace the first: the file is refused, naming the
    line of the second and of the first."""
    raw = yaml.safe_load((LANG_DIR / "en.yaml").read_text(encoding="utf-8"))
    if key != "troop_nouns":
        del raw["titles"]
    text = yaml.safe_dump(raw, allow_unicode=True) + extra
    path = tmp_path / "xx.yaml"
    path.write_text(text, encoding="utf-8")
    second = text.splitlines().index(next(line for line in extra.splitlines()[::-1])) + 1
    with pytest.raises(
        InputError, match=rf"duplicate key '{key}' \(first given on line \d+\)"
    ) as info:
        load_resources("xx", path)
    assert f"{path}:{second}:" in str(info.value)


def test_code_asking_for_an_undeclared_key_is_a_bug() -> None:
    with pytest.raises(KeyError, match="deploy_verb"):
        resources("en").words("deploy_verb")


def test_the_possessive_is_the_language_file_s(tmp_path: Path) -> None:
    """ "last week's military coup": the possessive (possessive_endings) gives the date to
    the coup, another event than the protest. A file that lists no possessive reads no
    owner there, as Indonesian, which names the owner after ("kudeta pekan lalu"), does."""
    text = "They marched against last week's military coup."
    end = text.index(" week") + len(" week")
    en = resources("en")
    nouns = en.pattern("protest_nouns")
    assert dates_another_event(text, en, nouns, end)
    none = load_resources("xx", _write(tmp_path, {"possessive_endings": []}))
    assert not dates_another_event(text, none, nouns, end)
    assert re.search(resources("id").any_possessive, "Kenya's protesters' march") is None


def test_no_python_branches_on_a_language_code() -> None:
    package = Path(__file__).resolve().parents[2] / "kg" / "extract"
    for source in package.glob("*.py"):
        text = source.read_text(encoding="utf-8")
        assert "code != " not in text and "code == " not in text, source
