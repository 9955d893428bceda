-- 0007_generation: a counter that changes whenever what the dossier pages show may have changed, so the web app
-- can keep rendered pages until then. Every change of the picture ends with situations rebuilt (reconcile) or
-- entities rewritten (resolve); analysts' verdicts and corrections are counted too.
CREATE TABLE generation (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n  INTEGER NOT NULL
);
INSERT INTO generation VALUES (1, 0);
CREATE TRIGGER generation_situations_insert AFTER INSERT ON situations BEGIN UPDATE generation SET n = n + 1; END;
CREATE TRIGGER generation_situations_delete AFTER DELETE ON situations BEGIN UPDATE generation SET n = n + 1; END;
CREATE TRIGGER generation_entities_insert AFTER INSERT ON entities BEGIN UPDATE generation SET n = n + 1; END;
CREATE TRIGGER generation_entities_update AFTER UPDATE ON entities BEGIN UPDATE generation SET n = n + 1; END;
CREATE TRIGGER generation_entities_delete AFTER DELETE ON entities BEGIN UPDATE generation SET n = n + 1; END;
CREATE TRIGGER generation_overrides_insert AFTER INSERT ON overrides BEGIN UPDATE generation SET n = n + 1; END;
CREATE TRIGGER generation_corrections_insert AFTER INSERT ON corrections BEGIN UPDATE generation SET n = n + 1; END;
CREATE TRIGGER generation_corrections_update AFTER UPDATE ON corrections BEGIN UPDATE generation SET n = n + 1; END;
CREATE TRIGGER generation_documents_delete AFTER DELETE ON documents BEGIN UPDATE generation SET n = n + 1; END
