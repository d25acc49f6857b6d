"""The order in which pyoxigraph's store on disk lists quads, computed without the store.

The store keeps each quad as a key of encoded terms in RocksDB, which iterates keys in
byte order: a dump of the named graphs lists quads by graph, subject, predicate and object
(the ``gspo`` index), a dump of the default graph by subject, predicate and object
(``dspo``). Each term is encoded by its kind (one byte) and then:

- an IRI, a long string, a long language tag or a datatype IRI by the 128-bit SipHash-2-4
  of its text (key 0), big-endian;
- a string of at most 15 bytes (UTF-8) inline: its bytes, zeros, its length in the last
  of 16 bytes;
- a boolean by its kind alone, an ``xsd:integer`` as a big-endian 64-bit integer, an
  ``xsd:date``, ``xsd:dateTime``, ``xsd:gYear`` or ``xsd:gYearMonth`` as its instant on
  the time line (seconds times 10^18, a big-endian 128-bit integer) and its time zone.

The kind decides the length of what follows, so comparing quads term by term is comparing
their keys. Only what is listed here is encoded; :func:`term_keys` answers None for
anything else (a blank node, another datatype stored natively, a literal the store would
write back in another form such as ``"+5"^^xsd:integer``), and the caller then reads the
order from the store. ``tests/store/test_order.py`` holds this against pyoxigraph's dumps.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

import numpy as np

__all__ = ["siphash128", "term_keys", "unescape", "written"]

_XSD = "http://www.w3.org/2001/XMLSchema#"
_STRING = f"<{_XSD}string>"

# The kinds of encoded terms (oxigraph's storage/binary_encoder.rs).
_NAMED_NODE = b"\x01"
_SMALL_STRING, _BIG_STRING = b"\x10", b"\x11"
_LANG = {(True, True): b"\x14", (True, False): b"\x15", (False, True): b"\x16"}
_BIG_BIG_LANG = b"\x17"
_SMALL_TYPED, _BIG_TYPED = b"\x18", b"\x19"
_TRUE, _FALSE = b"\x1c", b"\x1d"
_INTEGER, _DATE_TIME, _DATE = b"\x20", b"\x22", b"\x24"
_G_YEAR_MONTH, _G_YEAR = b"\x25", b"\x26"

# Datatypes the store encodes natively, so that a literal of one of them keeps its lexical
# form only if it is canonical: those not handled below give no order.
_NATIVE = {
    f"{_XSD}{name}"
    for name in [
        *("boolean", "float", "double", "decimal", "integer", "byte", "short", "int", "long"),
        *("unsignedByte", "unsignedShort", "unsignedInt", "unsignedLong", "positiveInteger"),
        *("negativeInteger", "nonPositiveInteger", "nonNegativeInteger", "dateTime"),
        *("dateTimeStamp", "time", "date", "gYearMonth", "gYear", "gMonthDay", "gDay"),
        *("gMonth", "duration", "yearMonthDuration", "dayTimeDuration"),
    ]
} | {"http://www.w3.org/1999/02/22-rdf-syntax-ns#dirLangString"}

_INTEGER_FORM = re.compile(r"0|-?[1-9][0-9]*")
_ZONE = r"(Z|[+-][0-9]{2}:[0-5][0-9])?"
_DATE_FORM = re.compile(r"([1-9][0-9]{3})-([0-9]{2})-([0-9]{2})" + _ZONE)
_DATE_TIME_FORM = re.compile(
    r"([1-9][0-9]{3})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})" + _ZONE
)
_G_YEAR_MONTH_FORM = re.compile(r"([1-9][0-9]{3})-([0-9]{2})" + _ZONE)
_G_YEAR_FORM = re.compile(r"([1-9][0-9]{3})" + _ZONE)
_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))")
_ECHARS = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}

_MASK = 0xFFFFFFFFFFFFFFFF


def _rotl(x: np.ndarray, bits: int) -> np.ndarray:
    return (x << np.uint64(bits)) | (x >> np.uint64(64 - bits))


def _rounds(v: list[np.ndarray], count: int) -> None:
    v0, v1, v2, v3 = v
    for _ in range(count):
        v0 += v1
        v1 = _rotl(v1, 13)
        v1 ^= v0
        v0 = _rotl(v0, 32)
        v2 += v3
        v3 = _rotl(v3, 16)
        v3 ^= v2
        v0 += v3
        v3 = _rotl(v3, 21)
        v3 ^= v0
        v2 += v1
        v1 = _rotl(v1, 17)
        v1 ^= v2
        v2 = _rotl(v2, 32)
    v[:] = [v0, v1, v2, v3]


def siphash128(values: list[bytes]) -> list[bytes]:
    """The 128-bit SipHash-2-4 (key 0) of each value, as the store writes it (big-endian
    ``h2`` then ``h1``); computed for all values of a length at once.

    >>> list(siphash128([b"", b"foo"])[0])  # oxigraph's own test vector
    [244, 242, 206, 212, 71, 171, 2, 66, 125, 224, 163, 128, 71, 215, 73, 80]
    >>> list(siphash128([b"foo"])[0][:4])
    [177, 216, 59, 176]
    """
    out: list[bytes] = [b""] * len(values)
    groups: dict[int, list[int]] = {}
    for index, value in enumerate(values):
        groups.setdefault(len(value) // 8, []).append(index)
    with np.errstate(over="ignore"):
        for blocks, members in groups.items():
            count = len(members)
            full = 8 * blocks
            body = np.frombuffer(b"".join(values[i][:full] for i in members), dtype="<u8").reshape(
                count, blocks
            )
            last = np.frombuffer(
                b"".join(
                    values[i][full:].ljust(7, b"\0") + bytes([len(values[i]) & 0xFF])
                    for i in members
                ),
                dtype="<u8",
            )
            v = [
                np.full(count, 0x736F6D6570736575, dtype=np.uint64),
                np.full(count, 0x646F72616E646F6D ^ 0xEE, dtype=np.uint64),
                np.full(count, 0x6C7967656E657261, dtype=np.uint64),
                np.full(count, 0x7465646279746573, dtype=np.uint64),
            ]
            for block in [body[:, b] for b in range(blocks)] + [last]:
                v[3] ^= block
                _rounds(v, 2)
                v[0] ^= block
            v[2] ^= np.uint64(0xEE)
            _rounds(v, 4)
            h1 = v[0] ^ v[1] ^ v[2] ^ v[3]
            v[1] ^= np.uint64(0xDD)
            _rounds(v, 4)
            h2 = v[0] ^ v[1] ^ v[2] ^ v[3]
            both = np.stack([h2, h1], axis=1).astype(">u8").tobytes()
            for at, index in enumerate(members):
                out[index] = both[16 * at : 16 * at + 16]
    return out


def unescape(text: str) -> str:
    """The value of an N-Triples string (between its quotes) without its escapes.

    >>> unescape(r"a\\"b\\u00e9\\n")
    'a"bé\\n'
    """

    def one(match: re.Match[str]) -> str:
        code = match.group(1) or match.group(2)
        if code is not None:
            return chr(int(code, 16))
        return _ECHARS[match.group(3)]

    return _ESCAPE.sub(one, text) if "\\" in text else text


def _offset(zone: str | None) -> int | None:
    """A time zone's offset in minutes (0 for Z); None for none."""
    if not zone:
        return None
    if zone == "Z":
        return 0
    minutes = int(zone[1:3]) * 60 + int(zone[4:6])
    return -minutes if zone[0] == "-" else minutes


def _instant(
    year: int, month: int, day: int, seconds: int = 0, zone: str | None = None
) -> bytes | None:
    """An instant on the store's time line: seconds since 0001-01-01 in UTC times 10^18
    (a 128-bit big-endian integer), then the time zone's offset in minutes (16 bits; none:
    0xFFFF). None for a day that does not exist or an offset beyond 14 hours."""
    offset = _offset(zone)
    if offset is not None and abs(offset) > 14 * 60:
        return None
    try:
        ordinal = dt.date(year, month, day).toordinal()
    except ValueError:
        return None
    value = ((ordinal - 1) * 86400 + seconds - 60 * (offset or 0)) * 10**18
    tail = b"\xff\xff" if offset is None else offset.to_bytes(2, "big", signed=True)
    return value.to_bytes(16, "big", signed=True) + tail


_ZERO_ZONE = re.compile(
    r'[+-]00:00(?="\^\^<http://www\.w3\.org/2001/XMLSchema#(?:date|dateTime|gYear|gYearMonth)>$)'
)


def written(term: str) -> str:
    """A term :func:`term_keys` encodes as the store writes it back: the same text, but a
    time zone of offset zero is written Z.

    >>> written('"2026-11-30T00:00:00+00:00"^^<http://www.w3.org/2001/XMLSchema#dateTime>')
    '"2026-11-30T00:00:00Z"^^<http://www.w3.org/2001/XMLSchema#dateTime>'
    """
    if term[-4:-1] in ("ate", "ime", "ear", "nth") and ':00"^^' in term:
        return _ZERO_ZONE.sub("Z", term)
    return term


def _native(value: str, datatype: str) -> bytes | None:
    """The encoding of a literal of a natively stored datatype in canonical form; None
    when it is not one kg can encode (the order then comes from the store)."""
    name = datatype[len(_XSD) :] if datatype.startswith(_XSD) else ""
    if name == "boolean":
        return _TRUE if value == "true" else _FALSE if value == "false" else None
    if name == "integer":
        if not _INTEGER_FORM.fullmatch(value):
            return None
        number = int(value)
        if not -(1 << 63) <= number < 1 << 63:
            return None
        return _INTEGER + number.to_bytes(8, "big", signed=True)
    if name == "date" and (found := _DATE_FORM.fullmatch(value)):
        y, m, d, zone = found.groups()
        instant = _instant(int(y), int(m), int(d), zone=zone)
        return _DATE + instant if instant else None
    if name == "dateTime" and (found := _DATE_TIME_FORM.fullmatch(value)):
        y, m, d, hh, mm, ss, zone = found.groups()
        if int(hh) > 23 or int(mm) > 59 or int(ss) > 59:
            return None
        instant = _instant(int(y), int(m), int(d), int(hh) * 3600 + int(mm) * 60 + int(ss), zone)
        return _DATE_TIME + instant if instant else None
    if name == "gYearMonth" and (found := _G_YEAR_MONTH_FORM.fullmatch(value)):
        y, m, zone = found.groups()
        if not 1 <= int(m) <= 12:
            return None
        following = dt.date(int(y) + int(m) // 12, int(m) % 12 + 1, 1)
        last = (following - dt.timedelta(days=1)).day
        instant = _instant(int(y), int(m), last, zone=zone)
        return _G_YEAR_MONTH + instant if instant else None
    if name == "gYear" and (found := _G_YEAR_FORM.fullmatch(value)):
        y, zone = found.groups()
        instant = _instant(int(y), 12, 31, zone=zone)
        return _G_YEAR + instant if instant else None
    return None


def _small(text: bytes) -> bytes:
    return text.ljust(15, b"\0") + bytes([len(text)])


def term_keys(terms: Iterable[str]) -> dict[str, bytes] | None:
    """Each N-Triples term (as kg writes it: ``<iri>``, ``"value"``, ``"value"@lang``,
    ``"value"^^<datatype>``) with its key in the store; None when one of them is not
    encoded here (see the module docstring).

    >>> keys = term_keys(['"a"', '"5"^^<http://www.w3.org/2001/XMLSchema#integer>', "<urn:x>"])
    >>> keys['"a"'].hex()
    '1061000000000000000000000000000001'
    >>> keys['"5"^^<http://www.w3.org/2001/XMLSchema#integer>'].hex()
    '200000000000000005'
    >>> sorted(keys, key=keys.__getitem__)[0]
    '<urn:x>'
    >>> term_keys(["_:b0"]) is None
    True
    """
    keys: dict[str, bytes] = {}
    # the terms whose key needs hashes: (term, prefix, texts to hash, small text or None)
    pending: list[tuple[str, bytes, list[bytes], bytes | None]] = []
    for term in terms:
        if term in keys:
            continue
        if term.startswith("<"):
            if not term.endswith(">") or "\\" in term:
                return None
            pending.append((term, _NAMED_NODE, [term[1:-1].encode()], None))
            keys[term] = b""
            continue
        if not term.startswith('"'):
            return None  # a blank node
        close = term.rfind('"')
        if close < 1:
            return None
        value = unescape(term[1:close]).encode()
        rest = term[close + 1 :]
        keys[term] = b""
        if not rest or rest == f"^^{_STRING}":
            if len(value) <= 15:
                keys[term] = _SMALL_STRING + _small(value)
            else:
                pending.append((term, _BIG_STRING, [value], None))
        elif rest.startswith("@"):
            language = rest[1:].lower().encode()
            small_value, small_language = len(value) <= 15, len(language) <= 15
            if small_value and small_language:
                keys[term] = _LANG[True, True] + _small(language) + _small(value)
            elif small_value:
                pending.append((term, _LANG[True, False], [language], _small(value)))
            elif small_language:
                # the language inline first, then the hash of the value
                pending.append((term, _LANG[False, True] + _small(language), [value], None))
            else:
                pending.append((term, _BIG_BIG_LANG, [language, value], None))
        elif rest.startswith("^^<") and rest.endswith(">"):
            datatype = rest[3:-1]
            if "\\" in datatype:
                return None
            if datatype in _NATIVE:
                native = _native(value.decode(), datatype)
                if native is None:
                    return None
                keys[term] = native
            elif len(value) <= 15:
                pending.append((term, _SMALL_TYPED, [datatype.encode()], _small(value)))
            else:
                pending.append((term, _BIG_TYPED, [datatype.encode(), value], None))
        else:
            return None
    hashes = siphash128([text for _, _, texts, _ in pending for text in texts])
    at = 0
    for term, prefix, texts, small in pending:
        key = prefix + b"".join(hashes[at : at + len(texts)])
        at += len(texts)
        keys[term] = key + small if small is not None else key
    if len(set(keys.values())) != len(keys):
        return None  # two texts of one term (a time zone written two ways)
    return keys
