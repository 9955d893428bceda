-- 0003_store_incremental: what incremental entity resolution keeps between runs (see sitrep.store.entities).

-- One row per profile (the mentions of one document that name one entity), with the entity it resolved to.
CREATE TABLE entity_profiles (
    id          INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    data        TEXT NOT NULL  -- JSON: kind, key, names, first, context, acronyms, mentions [[start, end, text, kind, key]]
);
CREATE INDEX entity_profiles_document ON entity_profiles (document_id);

-- Blocking keys of each profile: a new profile only meets the profiles filed under its keys.
CREATE TABLE entity_keys (
    key        TEXT NOT NULL,
    profile_id INTEGER NOT NULL,
    PRIMARY KEY (key, profile_id)
) WITHOUT ROWID;
CREATE INDEX entity_keys_profile ON entity_keys (profile_id);

-- Which version (rowid) of each document its profiles were taken from; a replaced document has a new rowid.
CREATE TABLE resolved_documents (
    document_id TEXT PRIMARY KEY,
    doc_rowid   INTEGER NOT NULL
);

-- grouping: every document of one situation, story or copy group (the dossier and reconcile read by these).
CREATE INDEX IF NOT EXISTS documents_copy ON documents (copy_of);
-- runner: "which raw inputs have no document yet" reads raw_id only, not whole documents rows.
CREATE INDEX IF NOT EXISTS documents_raw ON documents (raw_id)
