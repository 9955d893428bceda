-- 0010_document_rules: the digest of the rules a document was read with (sitrep.rules). NULL: read before this
-- migration, by rules nobody recorded; `sitrep run` reads such documents again, like any of another digest.
ALTER TABLE documents ADD COLUMN rules TEXT;
