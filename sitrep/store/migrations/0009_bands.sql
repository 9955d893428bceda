-- 0009_bands: narrow tables for near-duplicate grouping, so that its lookups stay in SQLite's page cache at
-- 100k documents instead of reading the wide documents rows (text and full features JSON) and the doc_keys index
-- that also holds every blocking key. `fingerprints` holds the near-copy part of each document's features;
-- `bands` its LSH band keys as integers (sitrep.store.grouping.band_key: scheme << 56 | band << 48 | the first
-- 48 bits of the band's 64-bit digest; a text-hash key is 255 << 48 | the first 48 bits of the sha256).
-- Both are filled from the stored rows; legacy-scheme band keys ("lsh:") are not copied: those documents are
-- re-fingerprinted before anything is grouped (upgrade_fingerprints), which writes their bands.
CREATE TABLE fingerprints (
    document_id TEXT PRIMARY KEY REFERENCES documents (id),
    text_sha256 TEXT NOT NULL,
    scheme      INTEGER NOT NULL,
    shingles    INTEGER NOT NULL,
    minhash     TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO fingerprints
SELECT id, text_sha256, COALESCE(json_extract(features, '$.minhash_scheme'), 1),
       COALESCE(json_extract(features, '$.shingles'), 0), COALESCE(json_extract(features, '$.minhash'), '')
FROM documents;
CREATE TABLE bands (
    key         INTEGER NOT NULL,
    document_id TEXT NOT NULL REFERENCES documents (id),
    PRIMARY KEY (key, document_id)
) WITHOUT ROWID;
CREATE INDEX bands_document ON bands (document_id);
INSERT OR IGNORE INTO bands
SELECT (2 << 56) | (CAST(substr(key, 6, instr(substr(key, 6), ':') - 1) AS INTEGER) << 48) | (((instr('0123456789abcdef', substr(key, -16+0, 1)) - 1) << 44) + ((instr('0123456789abcdef', substr(key, -16+1, 1)) - 1) << 40) + ((instr('0123456789abcdef', substr(key, -16+2, 1)) - 1) << 36) + ((instr('0123456789abcdef', substr(key, -16+3, 1)) - 1) << 32) + ((instr('0123456789abcdef', substr(key, -16+4, 1)) - 1) << 28) + ((instr('0123456789abcdef', substr(key, -16+5, 1)) - 1) << 24) + ((instr('0123456789abcdef', substr(key, -16+6, 1)) - 1) << 20) + ((instr('0123456789abcdef', substr(key, -16+7, 1)) - 1) << 16) + ((instr('0123456789abcdef', substr(key, -16+8, 1)) - 1) << 12) + ((instr('0123456789abcdef', substr(key, -16+9, 1)) - 1) << 8) + ((instr('0123456789abcdef', substr(key, -16+10, 1)) - 1) << 4) + ((instr('0123456789abcdef', substr(key, -16+11, 1)) - 1) << 0)), document_id
FROM doc_keys WHERE key >= 'lsh2:' AND key < 'lsh2;';
INSERT OR IGNORE INTO bands
SELECT (255 << 48) | (((instr('0123456789abcdef', substr(key, 5+0, 1)) - 1) << 44) + ((instr('0123456789abcdef', substr(key, 5+1, 1)) - 1) << 40) + ((instr('0123456789abcdef', substr(key, 5+2, 1)) - 1) << 36) + ((instr('0123456789abcdef', substr(key, 5+3, 1)) - 1) << 32) + ((instr('0123456789abcdef', substr(key, 5+4, 1)) - 1) << 28) + ((instr('0123456789abcdef', substr(key, 5+5, 1)) - 1) << 24) + ((instr('0123456789abcdef', substr(key, 5+6, 1)) - 1) << 20) + ((instr('0123456789abcdef', substr(key, 5+7, 1)) - 1) << 16) + ((instr('0123456789abcdef', substr(key, 5+8, 1)) - 1) << 12) + ((instr('0123456789abcdef', substr(key, 5+9, 1)) - 1) << 8) + ((instr('0123456789abcdef', substr(key, 5+10, 1)) - 1) << 4) + ((instr('0123456789abcdef', substr(key, 5+11, 1)) - 1) << 0)), document_id
FROM doc_keys WHERE key >= 'sha:' AND key < 'sha;';
