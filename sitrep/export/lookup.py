"""Who or where the words of a fact name, resolved to an entity of the picture.

A figure's source, a quote's speaker and a call's caller are agents; they are resolved in this order:
1. the words are a name mentioned in the fact's own document ("the Interior Ministry");
2. the longest person or organisation named inside the words ("a spokesman of the Ministry of Health"); a place
   inside them is where the agent is ("a police spokesman in the city of Almaty"), not who it is, unless the
   words begin with it ("Kazakhstan officials": the state speaks);
3. a short description ("the ministry", "The Partnership", "police"): the nearest person or organisation
   mentioned before the fact whose name holds every word of it;
4. the words are, or end with, the name or a known alias of exactly one person or organisation of the picture,
   mentioned in another document (a name the entity stage missed in this one: "the media freedom group Open
   Press Alliance").
Names match inside the words at word boundaries only.
A place (a figure's place) uses 1 and 2 with every kind of entity.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import defaultdict
from dataclasses import dataclass

AGENT_KINDS = frozenset({"person", "organization"})
_DETERMINER = re.compile(r"^(?:the|a|an|this|that|these|those)\s+", re.IGNORECASE)
_PRONOUNS = frozenset({"they", "them", "their", "this", "that", "these", "those", "there", "which", "whom", "whose"})


@dataclass(frozen=True)
class Mention:
    start: int
    text: str  # lower case
    entity_id: str
    kind: str  # the entity's kind: person, organization, place


def document_rows(conn: sqlite3.Connection, sql: str, doc_ids: list[str], size: int = 500) -> list[sqlite3.Row]:
    """The rows of `sql` (an `IN ({marks})` over document ids) for every document, asked `size` ids at a time:
    a situation can hold more documents than SQLite allows parameters."""
    out: list[sqlite3.Row] = []
    for i in range(0, len(doc_ids), size):
        chunk = doc_ids[i : i + size]
        out.extend(conn.execute(sql.format(marks=",".join("?" * len(chunk))), chunk).fetchall())
    return out


class EntityLookup:
    """Resolves the words of a fact (speaker, source, place) to an entity through the documents' mentions."""

    def __init__(self, conn: sqlite3.Connection, doc_ids: list[str]) -> None:
        self.by_text: dict[str, dict[str, Mention]] = defaultdict(dict)
        self.by_key: dict[str, dict[str, str]] = defaultdict(dict)
        self.mentions: dict[str, list[Mention]] = defaultdict(list)
        self.known: dict[str, set[str]] = defaultdict(set)  # lower name or alias -> person/organisation ids
        rows = document_rows(
            conn,
            "SELECT m.document_id, m.start, m.text, m.key, em.entity_id, e.kind, e.name, e.aliases"
            " FROM mentions m JOIN entity_mentions em ON em.document_id = m.document_id AND em.start = m.start"
            " JOIN entities e ON e.id = em.entity_id WHERE m.document_id IN ({marks})",
            doc_ids,
        )
        for r in rows:
            mention = Mention(r["start"], r["text"].lower(), r["entity_id"], r["kind"])
            self.by_text[r["document_id"]][mention.text] = mention
            self.by_key[r["document_id"]][r["key"]] = r["entity_id"]
            self.mentions[r["document_id"]].append(mention)
            if r["kind"] in AGENT_KINDS:
                for name in [r["name"], *json.loads(r["aliases"])]:
                    self.known[name.lower()].add(r["entity_id"])
        for listed in self.mentions.values():
            listed.sort(key=lambda m: m.start)

    def text(self, doc_id: str, words: str | None) -> str | None:
        """A place, or any entity: the words as mentioned, else the longest name mentioned inside them."""
        if not words:
            return None
        lowered = words.lower()
        table = self.by_text.get(doc_id, {})
        if lowered in table:
            return table[lowered].entity_id
        inside = [(len(name), m.entity_id) for name, m in table.items() if _contains(lowered, name)]
        return max(inside)[1] if inside else None

    def agent(self, doc_id: str, words: str | None, before: int) -> str | None:
        """The person or organisation the words name (the module docstring gives the order); `before` is the
        offset the fact ends at, for descriptions that point back."""
        if not words:
            return None
        lowered = words.lower().strip()
        table = self.by_text.get(doc_id, {})
        if lowered in table:
            return table[lowered].entity_id
        bare = _DETERMINER.sub("", lowered)
        inside = [m for name, m in table.items() if _contains(lowered, name) and (
            m.kind in AGENT_KINDS or bare.startswith(name))]
        if inside:
            return max(inside, key=lambda m: (len(m.text), m.entity_id)).entity_id
        return self._described(doc_id, bare, before) or self._known_elsewhere(bare)

    def _described(self, doc_id: str, bare: str, before: int) -> str | None:
        words = bare.split()
        head = words[-1] if words else ""
        if len(words) > 3 or len(head) < 4 or not head.isalpha() or head in _PRONOUNS:
            return None
        # every word of the description is in the name: "the interior ministry" is not the health ministry
        earlier = [m for m in self.mentions.get(doc_id, []) if m.start < before and m.kind in AGENT_KINDS
                   and set(words) <= set(m.text.split())]
        return earlier[-1].entity_id if earlier else None

    def _known_elsewhere(self, bare: str) -> str | None:
        words = bare.split()
        for i in range(len(words)):  # the whole words first, then ever shorter endings of two words or more
            ids = self.known.get(" ".join(words[i:]), set())
            if len(ids) == 1:
                return next(iter(ids))
            if len(words) - i <= 2:
                break
        return None

    def key(self, doc_id: str, key: str | None) -> str | None:
        return self.by_key.get(doc_id, {}).get(key) if key else None


def _contains(words: str, name: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", words) is not None


def sentence_end(start: int, sentence: str, count_text: str) -> int:
    """Where the sentence of a figure ends in its document (the figure stores its count's offset)."""
    at = sentence.find(count_text)
    return start - max(at, 0) + len(sentence)
