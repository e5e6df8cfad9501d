-- Full-text search (docs/decisions/0015-full-text-search.md). FTS5 tables over the claims'
-- wording, the sources' titles and texts and the stances' quotes. They hold no copy of the
-- text: each reads it from its table by rowid (external content), and the triggers below keep
-- the index in step with every insert, update and delete, inside the writing transaction,
-- whichever door wrote (Prisma, the importer's own statements, the seed loader).
CREATE VIRTUAL TABLE "ClaimSearch" USING fts5(text, content='Claim', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE "SourceSearch" USING fts5(title, text, content='Source', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE "QuoteSearch" USING fts5(quote, content='Stance', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');

CREATE TRIGGER "Claim_search_insert" AFTER INSERT ON "Claim" BEGIN
  INSERT INTO "ClaimSearch"(rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER "Claim_search_delete" AFTER DELETE ON "Claim" BEGIN
  INSERT INTO "ClaimSearch"("ClaimSearch", rowid, text) VALUES ('delete', old.rowid, old.text);
END;
CREATE TRIGGER "Claim_search_update" AFTER UPDATE OF text ON "Claim" BEGIN
  INSERT INTO "ClaimSearch"("ClaimSearch", rowid, text) VALUES ('delete', old.rowid, old.text);
  INSERT INTO "ClaimSearch"(rowid, text) VALUES (new.rowid, new.text);
END;

CREATE TRIGGER "Source_search_insert" AFTER INSERT ON "Source" BEGIN
  INSERT INTO "SourceSearch"(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER "Source_search_delete" AFTER DELETE ON "Source" BEGIN
  INSERT INTO "SourceSearch"("SourceSearch", rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER "Source_search_update" AFTER UPDATE OF title, text ON "Source" BEGIN
  INSERT INTO "SourceSearch"("SourceSearch", rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
  INSERT INTO "SourceSearch"(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;

CREATE TRIGGER "Stance_search_insert" AFTER INSERT ON "Stance" BEGIN
  INSERT INTO "QuoteSearch"(rowid, quote) VALUES (new.rowid, new.quote);
END;
CREATE TRIGGER "Stance_search_delete" AFTER DELETE ON "Stance" BEGIN
  INSERT INTO "QuoteSearch"("QuoteSearch", rowid, quote) VALUES ('delete', old.rowid, old.quote);
END;
CREATE TRIGGER "Stance_search_update" AFTER UPDATE OF quote ON "Stance" BEGIN
  INSERT INTO "QuoteSearch"("QuoteSearch", rowid, quote) VALUES ('delete', old.rowid, old.quote);
  INSERT INTO "QuoteSearch"(rowid, quote) VALUES (new.rowid, new.quote);
END;

-- Rows stored before this migration.
INSERT INTO "ClaimSearch"("ClaimSearch") VALUES ('rebuild');
INSERT INTO "SourceSearch"("SourceSearch") VALUES ('rebuild');
INSERT INTO "QuoteSearch"("QuoteSearch") VALUES ('rebuild');
