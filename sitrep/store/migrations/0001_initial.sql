-- 0001_initial: raw input (append-only), documents and their facts, grouping, reconciled picture.
CREATE TABLE raw_inputs (
    id          INTEGER PRIMARY KEY,
    source      TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    kind        TEXT NOT NULL,
    data        BLOB NOT NULL,
    url         TEXT,
    title       TEXT,
    published   TEXT,
    language    TEXT,
    encoding    TEXT,
    ingested_at TEXT NOT NULL,
    UNIQUE (source, sha256)
);
CREATE INDEX raw_inputs_source ON raw_inputs (source, id);

-- Why a raw input was not turned into a document (kept so a re-run does not retry it).
CREATE TABLE raw_failures (
    raw_id INTEGER PRIMARY KEY REFERENCES raw_inputs (id),
    reason TEXT NOT NULL
);

CREATE TABLE input_errors (
    id     INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    reason TEXT NOT NULL,
    at     TEXT NOT NULL
);

CREATE TABLE pending_links (
    url    TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    title  TEXT,
    at     TEXT NOT NULL
);

CREATE TABLE documents (
    id                 TEXT PRIMARY KEY,
    raw_id             INTEGER NOT NULL REFERENCES raw_inputs (id),
    source             TEXT NOT NULL,
    url                TEXT,
    title              TEXT,
    site               TEXT,
    published          TEXT,
    published_inferred INTEGER NOT NULL DEFAULT 0,
    language           TEXT,
    text               TEXT NOT NULL,
    text_sha256        TEXT NOT NULL,
    paragraphs         TEXT NOT NULL,  -- JSON [[start, end], ...]
    features           TEXT NOT NULL,  -- JSON of sitrep.group.DocFeatures
    grouped            INTEGER NOT NULL DEFAULT 0,
    copy_of            TEXT,
    story_id           TEXT,
    situation_id       TEXT
);
CREATE INDEX documents_story ON documents (story_id);
CREATE INDEX documents_situation ON documents (situation_id);
CREATE INDEX documents_grouped ON documents (grouped);

CREATE TABLE figures (
    id             TEXT PRIMARY KEY,
    document_id    TEXT NOT NULL REFERENCES documents (id),
    measure        TEXT NOT NULL,
    grp            TEXT NOT NULL,
    group_text     TEXT NOT NULL,
    low            INTEGER NOT NULL,
    high           INTEGER,
    approximate    INTEGER NOT NULL,
    count_text     TEXT NOT NULL,
    place_text     TEXT,
    date           TEXT,
    source_text    TEXT,
    sentence       TEXT NOT NULL,
    start          INTEGER NOT NULL,
    end            INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end   INTEGER NOT NULL
);
CREATE INDEX figures_document ON figures (document_id);

CREATE TABLE events (
    id             TEXT PRIMARY KEY,
    document_id    TEXT NOT NULL REFERENCES documents (id),
    type           TEXT NOT NULL,
    trigger        TEXT NOT NULL,
    date           TEXT,
    date_precision TEXT,
    place_text     TEXT,
    sentence       TEXT NOT NULL,
    start          INTEGER NOT NULL,
    end            INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end   INTEGER NOT NULL
);
CREATE INDEX events_document ON events (document_id);

CREATE TABLE quotes (
    id           TEXT PRIMARY KEY,
    document_id  TEXT NOT NULL REFERENCES documents (id),
    speaker_text TEXT,
    speaker_key  TEXT,
    text         TEXT NOT NULL,
    direct       INTEGER NOT NULL,
    start        INTEGER NOT NULL,
    end          INTEGER NOT NULL
);
CREATE INDEX quotes_document ON quotes (document_id);

CREATE TABLE calls (
    id             TEXT PRIMARY KEY,
    document_id    TEXT NOT NULL REFERENCES documents (id),
    caller_text    TEXT,
    caller_key     TEXT,
    addressee_text TEXT,
    demand         TEXT NOT NULL,
    start          INTEGER NOT NULL,
    end            INTEGER NOT NULL
);
CREATE INDEX calls_document ON calls (document_id);

CREATE TABLE mentions (
    document_id TEXT NOT NULL REFERENCES documents (id),
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    key         TEXT NOT NULL,
    PRIMARY KEY (document_id, start)
);
CREATE INDEX mentions_key ON mentions (key);

CREATE TABLE times (
    document_id TEXT NOT NULL REFERENCES documents (id),
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    type        TEXT NOT NULL,
    value       TEXT NOT NULL,
    precision   TEXT,
    end_value   TEXT,
    PRIMARY KEY (document_id, start)
);

-- Candidate index for grouping: LSH bands and blocking keys of each document.
CREATE TABLE doc_keys (
    key         TEXT NOT NULL,
    document_id TEXT NOT NULL REFERENCES documents (id),
    PRIMARY KEY (key, document_id)
) WITHOUT ROWID;
CREATE INDEX doc_keys_document ON doc_keys (document_id);

-- Pairwise links (a < b); copies, stories and situations are their connected components.
CREATE TABLE links (
    a      TEXT NOT NULL,
    b      TEXT NOT NULL,
    kind   TEXT NOT NULL,
    score  REAL NOT NULL,
    reason TEXT NOT NULL,
    PRIMARY KEY (a, b)
) WITHOUT ROWID;
CREATE INDEX links_b ON links (b);

CREATE TABLE entities (
    id      TEXT PRIMARY KEY,
    kind    TEXT NOT NULL,
    name    TEXT NOT NULL,
    aliases TEXT NOT NULL,  -- JSON list
    lat     REAL,
    lon     REAL,
    country TEXT
);

-- Which entity each mention key (per document) resolved to.
CREATE TABLE entity_mentions (
    document_id TEXT NOT NULL,
    start       INTEGER NOT NULL,
    entity_id   TEXT NOT NULL,
    PRIMARY KEY (document_id, start)
);
CREATE INDEX entity_mentions_entity ON entity_mentions (entity_id);

CREATE TABLE stories (
    id                  TEXT PRIMARY KEY,
    situation_id        TEXT NOT NULL,
    title               TEXT NOT NULL,
    independent_origins INTEGER NOT NULL
);

CREATE TABLE situations (
    id        TEXT PRIMARY KEY,
    title     TEXT NOT NULL,
    start     TEXT,
    end       TEXT,
    place_ids TEXT NOT NULL  -- JSON list
);

CREATE TABLE dirty_situations (
    id TEXT PRIMARY KEY
);

CREATE TABLE series (
    id                  TEXT PRIMARY KEY,
    situation_id        TEXT NOT NULL,
    measure             TEXT NOT NULL,
    grp                 TEXT NOT NULL,
    place_id            TEXT,
    figure_ids          TEXT NOT NULL,  -- JSON list
    best_low            INTEGER NOT NULL,
    best_high           INTEGER,
    best_rule           TEXT NOT NULL,
    range_low           INTEGER NOT NULL,
    range_high          INTEGER,
    independent_origins INTEGER NOT NULL,
    conflict            INTEGER NOT NULL,
    note                TEXT NOT NULL
);
CREATE INDEX series_situation ON series (situation_id);

CREATE TABLE timeline (
    id             TEXT PRIMARY KEY,
    situation_id   TEXT NOT NULL,
    type           TEXT NOT NULL,
    date           TEXT,
    date_precision TEXT,
    place_id       TEXT,
    summary        TEXT NOT NULL,
    evidence       TEXT NOT NULL,  -- JSON [{document_id, start, end}]
    note           TEXT
);
CREATE INDEX timeline_situation ON timeline (situation_id);
