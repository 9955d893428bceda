"""Entities in the store: mentions of all documents resolved to entities, and the situations that must follow.

Resolution itself is `sitrep.resolve` (pure, order-independent); here we feed it the stored mentions, write
the result, and mark dirty every situation whose documents' mentions now point at a different entity.
"""

from __future__ import annotations

import json
from collections import defaultdict

from sitrep.models import Mention
from sitrep.resolve import resolve_entities
from sitrep.store.database import Store


def resolve_all(store: Store) -> set[str]:
    conn = store.conn
    mentions: dict[str, list[Mention]] = defaultdict(list)
    for r in conn.execute("SELECT * FROM mentions ORDER BY document_id, start"):
        mentions[r["document_id"]].append(Mention(r["text"], r["start"], r["end"], r["kind"], r["key"]))
    resolved = resolve_entities(dict(mentions))
    old = {(r["document_id"], r["start"]): r["entity_id"] for r in conn.execute("SELECT * FROM entity_mentions")}
    new = resolved.assignments
    changed_docs = {key[0] for key in set(old) | set(new) if old.get(key) != new.get(key)}
    with store.write() as tx:
        tx.execute("DELETE FROM entities")
        tx.executemany(
            "INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(e.id, e.kind, e.name, json.dumps(list(e.aliases)), e.lat, e.lon, e.country) for e in resolved.entities],
        )
        tx.execute("DELETE FROM entity_mentions")
        tx.executemany("INSERT INTO entity_mentions VALUES (?, ?, ?)", [(d, s, e) for (d, s), e in new.items()])
        if changed_docs:
            marks = ",".join("?" * len(changed_docs))
            tx.execute(
                f"INSERT OR IGNORE INTO dirty_situations SELECT DISTINCT situation_id FROM documents"
                f" WHERE id IN ({marks}) AND situation_id IS NOT NULL",
                sorted(changed_docs),
            )
    return changed_docs
