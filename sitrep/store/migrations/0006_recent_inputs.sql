-- 0006_recent_inputs: the dossier's index counts the facts of reports that arrived recently.
CREATE INDEX IF NOT EXISTS raw_inputs_ingested ON raw_inputs (ingested_at)
