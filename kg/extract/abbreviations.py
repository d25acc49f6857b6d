"""Abbreviations of names: "Sumut" is Sumatera Utara, "DIY" Daerah Istimewa Yogyakarta,
"Kepri" Kepulauan Riau. Used to link a force, a place or a body to its short name.

>>> abbreviates("Sulbar", "Sulawesi Barat")
True
>>> abbreviates("Sulbar", "Sulawesi Selatan")
False
"""

from __future__ import annotations

__all__ = ["abbreviates", "abbreviates_words"]


def abbreviates(short: str, name: str) -> bool:
    """``short`` is a one-word abbreviation of the longer ``name`` ("Sumut", "Sumatera
    Utara"; "DIY", "Daerah Istimewa Yogyakarta")."""
    words = name.split()
    return len(words) > 1 and " " not in short and abbreviates_words(short.lower(), words)


def abbreviates_words(acronym: str, words: list[str]) -> bool:
    """``acronym`` is made of a piece of each word, in order, that starts with the word's
    first letter and takes the rest of its letters from the word in order: initials
    ("TNI"), syllables ("Kepri" for Kepulauan Riau) or both ("Sultra", Sulawesi Tenggara)."""
    if not words:
        return not acronym
    word = words[0].lower()
    return any(
        acronym[0] == word[0]
        and _in_order(acronym[1:i], word[1:])
        and abbreviates_words(acronym[i:], words[1:])
        for i in range(1, len(acronym) + 1)
    )


def _in_order(letters: str, word: str) -> bool:
    """Every letter of ``letters`` occurs in ``word``, in that order."""
    rest = iter(word)
    return all(c in rest for c in letters)
