-- 0008_upload_jobs: reports uploaded from the browser wait here and are processed one at a time in the background.
CREATE TABLE upload_jobs (
    id          INTEGER PRIMARY KEY,
    path        TEXT NOT NULL,               -- the saved upload, inside the data directory
    file        TEXT NOT NULL,               -- its safe file name, as shown
    bytes       INTEGER NOT NULL,
    state       TEXT NOT NULL DEFAULT 'queued',  -- queued | running | done | failed
    report      TEXT,                        -- JSON: what the run did (stored, processed, errors, documents)
    token_id    INTEGER REFERENCES tokens (id),
    created_at  TEXT NOT NULL,
    finished_at TEXT
);
CREATE INDEX upload_jobs_state ON upload_jobs (state, id)
