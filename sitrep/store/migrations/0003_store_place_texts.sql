-- 0003_store_place_texts: text statistics of place entities (a place is one entity per key, so a new place
-- mention updates these counts instead of re-reading every profile of a much-named place).
CREATE TABLE entity_texts (
    entity_id TEXT NOT NULL,
    text      TEXT NOT NULL,
    mentions  INTEGER NOT NULL,
    docs      INTEGER NOT NULL,
    PRIMARY KEY (entity_id, text)
) WITHOUT ROWID;
INSERT INTO entity_texts
    SELECT p.entity_id, json_extract(t.value, '$[0]'), SUM(json_extract(t.value, '$[1]')), COUNT(*)
    FROM entity_profiles p, json_each(p.data, '$[7]') t
    WHERE json_extract(p.data, '$[0]') = 'place'
    GROUP BY p.entity_id, json_extract(t.value, '$[0]')
