-- 0002_web: full-text search over documents, write tokens and analyst corrections (for `sitrep serve`).
-- Statements are split on ";\n", so each trigger body is kept on one line.

-- External-content FTS5 index over documents(title, text), kept in sync by triggers.
CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, content = 'documents', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN INSERT INTO documents_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text); END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text); END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text); INSERT INTO documents_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text); END;
INSERT INTO documents_fts (documents_fts) VALUES ('rebuild');

-- Write tokens: only the SHA-256 of each token is stored.
CREATE TABLE tokens (
    id         INTEGER PRIMARY KEY,
    sha256     TEXT NOT NULL UNIQUE,
    label      TEXT,
    created_at TEXT NOT NULL,
    revoked    INTEGER NOT NULL DEFAULT 0
);

-- Analyst corrections: a fact (figure, event, quote, call) marked wrong or confirmed, with a note.
CREATE TABLE overrides (
    id         INTEGER PRIMARY KEY,
    fact_kind  TEXT NOT NULL,
    fact_id    TEXT NOT NULL,
    verdict    TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    token_id   INTEGER REFERENCES tokens (id),
    created_at TEXT NOT NULL
);
CREATE INDEX overrides_fact ON overrides (fact_id, id);
