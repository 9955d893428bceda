"""Bytes -> text: byte-order mark, valid UTF-8, the declared charset (container or <meta>), then a legacy guess.

Order matters. Strictly valid UTF-8 with non-ASCII bytes is almost never anything else, so it wins even over a
declared single-byte charset (pages often declare iso-8859-1 and send UTF-8). A declared charset is used next;
then bytes that are mostly UTF-8 with a few broken sequences are read as UTF-8 with U+FFFD for the damage.
Otherwise the text is legacy 8-bit and the guess is between Windows-1251 (Cyrillic) and Windows-1252/Latin-1:
decoded as cp1251, Cyrillic text gives words that are entirely Cyrillic, while Latin text with accents gives
mixed words such as "cafй". No statistical detector is needed for that choice.
"""

from __future__ import annotations

import codecs
import logging
import re

from sitrep.errors import BinaryInput, DecodeError
from sitrep.models import RawDoc

log = logging.getLogger(__name__)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_SINGLE_BYTE = {"ascii", "latin-1", "iso8859-1", "cp1252", "iso8859-15"}
_UTF8_OR_HIGH = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}|[\x80-\xff]")
_WORD = re.compile(r"[^\W\d_]{2,}")
_CYRILLIC = re.compile(r"^[\u0400-\u04FF]+$")
# Share of decoded characters that may be C0 control characters before the bytes are judged not to be text.
_MAX_CONTROL_SHARE = 0.01


def decode(raw: RawDoc) -> tuple[str, str]:
    """The text of a raw document and the encoding it was read with; BinaryInput / DecodeError otherwise."""
    data = raw.data
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(raw, _strict(raw, data, encoding), encoding)
    if b"\x00" in data[:8192]:
        raise BinaryInput(raw.source, "NUL bytes: binary data, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    declared = _declared(raw)
    if text is not None and (declared is None or not text.isascii() or declared in _SINGLE_BYTE | {"utf-8"}):
        return _checked(raw, text, "utf-8")
    if declared and declared != "utf-8":
        try:
            return _checked(raw, data.decode(declared), declared)
        except UnicodeDecodeError:
            log.info("%s: declared charset %s does not fit the bytes; guessing", raw.source, declared)
    if _mostly_utf8(data):
        log.info("%s: invalid UTF-8 sequences replaced with U+FFFD", raw.source)
        return _checked(raw, data.decode("utf-8", errors="replace"), "utf-8")
    encoding = guess_legacy(data)
    return _checked(raw, data.decode(encoding, errors="replace"), encoding)


def _strict(raw: RawDoc, data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as e:
        raise DecodeError(raw.source, f"starts with a {encoding} byte-order mark but is not {encoding}: {e}") from e


def _declared(raw: RawDoc) -> str | None:
    """A charset the container (HTTP header) or the document itself (<meta>, XML declaration) declares."""
    names = [raw.encoding]
    if raw.kind == "html":
        head = raw.data[:4096]
        names += [m.group(1).decode("ascii") for m in (_META_CHARSET.search(head), _XML_ENCODING.search(head)) if m]
    for name in names:
        if not name:
            continue
        try:
            return codecs.lookup(name.strip()).name.replace("iso8859-1", "latin-1")
        except LookupError:
            log.info("%s: unknown charset %r ignored", raw.source, name)
    return None


def _mostly_utf8(data: bytes) -> bool:
    """More well-formed multi-byte sequences than broken bytes: UTF-8 with some damage."""
    good = bad = 0
    for match in _UTF8_OR_HIGH.finditer(data):
        if len(match.group(0)) > 1:
            good += 1
        else:
            bad += 1
    # Valid multi-byte pairs are rare in real legacy 8-bit text ("Â©" is not a word), so a majority decides.
    return good > bad


def guess_legacy(data: bytes) -> str:
    """cp1251 when the non-ASCII words read as Cyrillic, else cp1252 (latin-1 where cp1252 has holes)."""
    as_cyrillic = data.decode("cp1251", errors="replace")
    words = [w for w in _WORD.findall(as_cyrillic) if not w.isascii()]
    if words and sum(1 for w in words if _CYRILLIC.match(w)) >= 0.6 * len(words):
        return "cp1251"
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return "latin-1"  # bytes 0x81, 0x8d, 0x8f, 0x90, 0x9d are undefined in cp1252 but C1 codes in latin-1
    return "cp1252"


# control characters other than tab, newline, carriage return, form feed and escape
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")

def _checked(raw: RawDoc, text: str, encoding: str) -> tuple[str, str]:
    controls = len(_CONTROLS.findall(text))
    if text and controls > max(3, len(text) * _MAX_CONTROL_SHARE):
        raise DecodeError(raw.source, f"read as {encoding}, the text is full of control characters: not text")
    return text, encoding
