"""Write tokens: `create_token` makes one and stores only its SHA-256; `check_token` finds the token's row.

Tokens are 256 random bits, so a plain hash (no salt, no stretching) is enough: the hash cannot be reversed and
a stolen database gives no usable token.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import sqlite3

from sitrep.store.database import Store, now

PREFIX = "sitrep_"


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(store: Store, label: str | None = None) -> str:
    """A new write token; shown once to the caller, never stored in the clear."""
    token = PREFIX + secrets.token_urlsafe(32)
    with store.write() as tx:
        tx.execute("INSERT INTO tokens (sha256, label, created_at) VALUES (?, ?, ?)", (_digest(token), label, now()))
    return token


def revoke_tokens(store: Store) -> int:
    """Revoke every token; returns how many were live."""
    with store.write() as tx:
        return tx.execute("UPDATE tokens SET revoked = 1 WHERE revoked = 0").rowcount


def check_token(conn: sqlite3.Connection, token: str | None) -> int | None:
    """The id of the live token `token`, or None."""
    if not token or len(token) > 200:
        return None
    digest = _digest(token.strip())
    row = conn.execute("SELECT id, sha256 FROM tokens WHERE sha256 = ? AND revoked = 0", (digest,)).fetchone()
    if row is None or not hmac.compare_digest(row["sha256"], digest):
        return None
    return int(row["id"])
