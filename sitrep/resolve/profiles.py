"""Profiles: what one article says about one entity, and the pairwise decision whether two profiles are one entity.

A profile gathers the mentions of one document that name one entity (after in-document linking: "Bachelet" joins
"Michelle Bachelet" of the same page). `same_entity(a, b)` is pure and symmetric; `entity_key_candidates` gives the
blocking keys under which a store files a mention so that candidates are found without scanning everything.

Persons are compared by transliteration keys (see `sitrep.annotate.entities.keys`):
- same surname key, compatible first names (equal keys, or an initial, or one side without first name);
- or surname keys that differ only inside one sound class (l/r, m/n, b/p, d/t, g/k/ch, f/v, s/z: "Gellman" and
  "Gherman", "Marchetti" and "Marketti"), with the same first name and shared context (same article, or two
  co-occurring entities).
"""

from __future__ import annotations

from dataclasses import dataclass

from sitrep.annotate.entities.keys import first_key, word_order_key
from sitrep.annotate.entities.organisations import SCOPE, canonical, national_body, scope_of
from sitrep.models import Mention

# x (ch) is with k: Italian and German "ch" is /k/, and Russian writes it so (Marchetti -> Marketti)
_CLASSES = str.maketrans({"l": "R", "r": "R", "m": "N", "n": "N", "b": "P", "p": "P", "d": "T", "t": "T",
                          "g": "K", "k": "K", "x": "K", "v": "F", "f": "F", "s": "S", "z": "S"})
_CONNECTORS = {"of", "and", "for", "the", "on", "in", "to", "de"}


def sound_class(key: str) -> str:
    """A skeleton with similar consonants folded together ("glmn" and "grmn" -> "KRNN")."""
    return key.translate(_CLASSES)


def initials(name: str) -> str:
    words = name.replace("-", " ").split()
    return "".join(w[0].upper() for w in words if w.lower() not in _CONNECTORS and w[0].isalpha())


@dataclass(frozen=True)
class Profile:
    """One entity as seen in one or more documents."""

    kind: str
    names: frozenset[str]
    key: str  # surname key for persons, mention key (name key, acronym long-form key, geo id) otherwise
    first: frozenset[str]  # first-name keys seen ("stfn"); empty for a bare surname
    docs: frozenset[str]
    context: frozenset[str] = frozenset()  # keys of persons and organisations named in the same documents
    acronyms: frozenset[str] = frozenset()  # organisations: acronyms used for it / initials of its long names

    @property
    def full(self) -> bool:
        return bool(self.first)


def mention_acronyms(mention: Mention) -> set[str]:
    """An organisation's acronym letters: the text itself if it is one, else the initials of a long name. A
    national body has none: "MIA" elsewhere may be any country's (an article's own "MIA" was keyed as its body
    already)."""
    if mention.kind != "organization" or SCOPE in mention.key or national_body(canonical(mention.text)):
        return set()
    text = mention.text.replace(".", "")
    if text.isupper() and 2 <= len(text) <= 8 and " " not in text:
        return {text}
    letters = initials(mention.text)
    return {letters} if len(letters) >= 3 else set()


def profile_of(doc_id: str, mentions: list[Mention], context: frozenset[str] = frozenset()) -> Profile:
    """The profile of a group of mentions of one document assumed to name one entity."""
    first = {first_key(m.text) for m in mentions if m.kind == "person"} - {""}
    acronyms: set[str] = set()
    for m in mentions:
        acronyms |= mention_acronyms(m)
    keys = sorted({m.key for m in mentions})
    return Profile(mentions[0].kind, frozenset(m.text for m in mentions), keys[0], frozenset(first),
                   frozenset({doc_id}), context - set(keys), frozenset(acronyms))


def _first_names_agree(a: frozenset[str], b: frozenset[str]) -> bool:
    if not a or not b:
        return True
    for x in a:
        for y in b:
            if x == y:
                return True
            xs, ys = x.split(), y.split()
            if xs and ys and (xs[0] == ys[0] or (min(len(xs[0]), len(ys[0])) == 1 and xs[0][0] == ys[0][0])):
                return True
    return False


def same_entity(a: Profile, b: Profile) -> bool:
    """Whether two profiles name the same entity (pure, symmetric)."""
    if a.kind != b.kind:
        return False
    if a.kind == "place":
        return a.key == b.key
    if a.kind == "organization":
        if a.key == b.key or word_order_keys(a) & word_order_keys(b):
            return True
        written = {n.replace(".", "") for n in a.names | b.names if n.replace(".", "").isupper()}
        return bool(a.acronyms & b.acronyms & written)
    if a.key == b.key:
        return _first_names_agree(a.first, b.first)
    if not (a.first and b.first and a.first & b.first) or len(a.key) < 3 or len(a.key) != len(b.key):
        return False
    if sound_class(a.key) != sound_class(b.key) or a.key[0] != b.key[0]:
        return False
    return bool(a.docs & b.docs) or len(a.context & b.context) >= 2


def word_order_keys(profile: Profile) -> set[str]:
    """An organisation's names in any word order ("Ministry of Health", "Health Ministry")."""
    if profile.kind != "organization":
        return set()
    scope = scope_of(profile.key)  # "Ministry of Health" of Kyrgyzstan is no "Health Ministry" of Kazakhstan
    return {k + scope for n in profile.names
            if not n.replace(".", "").isupper() and (k := word_order_key(canonical(n)))}


def entity_key_candidates(mention: Mention) -> set[str]:
    """Blocking keys: a new mention can only be `same_entity` with profiles that share one of these keys."""
    keys = {f"{mention.kind}:{mention.key}"}
    if mention.kind == "person":
        keys.add(f"person~{sound_class(mention.key)}")
    for acronym in mention_acronyms(mention):
        keys.add(f"organization#{acronym}")
    if mention.kind == "organization" and (order := word_order_key(canonical(mention.text))):
        keys.add(f"organization~{order}{scope_of(mention.key)}")
    return keys


def profile_blocking_keys(profile: Profile) -> set[str]:
    """The blocking keys of a whole profile (the union over what its mentions would give)."""
    keys = {f"{profile.kind}:{profile.key}"}
    if profile.kind == "person":
        keys.add(f"person~{sound_class(profile.key)}")
    keys |= {f"organization#{a}" for a in profile.acronyms}
    keys |= {f"organization~{k}" for k in word_order_keys(profile)}
    return keys
