-- 0003_store_resolve_queue: documents whose mentions entity resolution has not seen yet, and documents whose
-- resolved profiles are out of date (the document was replaced or removed), kept by triggers so that a run
-- finds them without scanning every document.
CREATE TABLE resolve_queue (
    document_id TEXT PRIMARY KEY
) WITHOUT ROWID;
CREATE TRIGGER resolve_queue_insert AFTER INSERT ON documents BEGIN INSERT OR IGNORE INTO resolve_queue VALUES (new.id); END;
CREATE TRIGGER resolve_queue_delete AFTER DELETE ON documents BEGIN INSERT OR IGNORE INTO resolve_queue VALUES (old.id); END;
INSERT OR IGNORE INTO resolve_queue
    SELECT d.id FROM documents d LEFT JOIN resolved_documents r ON r.document_id = d.id
    WHERE r.doc_rowid IS NULL OR r.doc_rowid != d.rowid;
INSERT OR IGNORE INTO resolve_queue
    SELECT r.document_id FROM resolved_documents r LEFT JOIN documents d ON d.id = r.document_id
    WHERE d.rowid IS NULL OR d.rowid != r.doc_rowid
