-- 0005_corrections: analysts' corrections that change grouping and entities (sitrep.store.corrections).
-- Rows are never deleted: a correction taken back keeps its row with active = 0.
CREATE TABLE corrections (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL,     -- date | entity_merge | entity_split | story_merge | story_split
    document_id TEXT NOT NULL,     -- the report; for entities, the report of the anchor mention
    start       INTEGER,           -- entities: the anchor mention's start offset
    other_doc   TEXT,              -- entity_merge: report of a mention of the target; story_merge: a report of the other story
    other_start INTEGER,           -- entity_merge: that mention's start offset
    value       TEXT,              -- date: the day (NULL: the date found in the report); entity_split: the name split off
    active      INTEGER NOT NULL DEFAULT 1,
    note        TEXT NOT NULL DEFAULT '',
    token_id    INTEGER REFERENCES tokens (id),
    created_at  TEXT NOT NULL
);
CREATE INDEX corrections_document ON corrections (document_id);

-- Mentions whose entity a correction changed, with the entity shown (the resolver's own is in entity_profiles).
CREATE TABLE entity_corrected (
    document_id TEXT NOT NULL,
    start       INTEGER NOT NULL,
    entity_id   TEXT NOT NULL,
    PRIMARY KEY (document_id, start)
) WITHOUT ROWID
