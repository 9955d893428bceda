-- 0004_stories_by_situation: every dossier reads the stories of one situation (a 58 ms table scan at 100k articles).
CREATE INDEX IF NOT EXISTS stories_situation ON stories (situation_id)
