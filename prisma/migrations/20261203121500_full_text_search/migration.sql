-- Full-text search (docs/decisions/0015-full-text-search.md). FTS5 tables over the claims'
-- wording, the sources' titles and texts and the stances' quotes. They hold no copy of the
-- text: each reads it from its table by rowid (external content). The triggers below keep the
-- index in step with every insert, update and delete, inside the writing transaction, whichever
-- door wrote (Prisma, the importer's own statements, the seed loader).
--
-- Only what a search may find is indexed: claims that are not retracted (a merged claim is
-- retracted too), and stances that are not retracted on claims that are not. So a search needs
-- no join to leave the others out. A row leaves the index with the very words it was indexed
-- with ('delete' needs them), so each trigger checks the row's old state, then its new.
CREATE VIRTUAL TABLE "ClaimSearch" USING fts5(text, content='Claim', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE "SourceSearch" USING fts5(title, text, content='Source', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE "QuoteSearch" USING fts5(quote, content='Stance', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');

CREATE TRIGGER "Claim_search_insert" AFTER INSERT ON "Claim" WHEN new."retractedAt" IS NULL BEGIN
  INSERT INTO "ClaimSearch"(rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER "Claim_search_delete" AFTER DELETE ON "Claim" WHEN old."retractedAt" IS NULL BEGIN
  INSERT INTO "ClaimSearch"("ClaimSearch", rowid, text) VALUES ('delete', old.rowid, old.text);
END;
-- New wording, a retraction or a restoration: the claim leaves the index and comes back as it
-- now is, and a claim retracted or restored takes its live stances' quotes with it.
CREATE TRIGGER "Claim_search_update" AFTER UPDATE OF text, "retractedAt" ON "Claim"
WHEN old.text IS NOT new.text OR (old."retractedAt" IS NULL) <> (new."retractedAt" IS NULL) BEGIN
  INSERT INTO "ClaimSearch"("ClaimSearch", rowid, text) SELECT 'delete', old.rowid, old.text WHERE old."retractedAt" IS NULL;
  INSERT INTO "ClaimSearch"(rowid, text) SELECT new.rowid, new.text WHERE new."retractedAt" IS NULL;
  INSERT INTO "QuoteSearch"("QuoteSearch", rowid, quote) SELECT 'delete', s.rowid, s.quote FROM "Stance" s
    WHERE s."claimId" = new.id AND s."retractedAt" IS NULL AND old."retractedAt" IS NULL AND new."retractedAt" IS NOT NULL;
  INSERT INTO "QuoteSearch"(rowid, quote) SELECT s.rowid, s.quote FROM "Stance" s
    WHERE s."claimId" = new.id AND s."retractedAt" IS NULL AND old."retractedAt" IS NOT NULL AND new."retractedAt" IS NULL;
END;

CREATE TRIGGER "Source_search_insert" AFTER INSERT ON "Source" BEGIN
  INSERT INTO "SourceSearch"(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER "Source_search_delete" AFTER DELETE ON "Source" BEGIN
  INSERT INTO "SourceSearch"("SourceSearch", rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER "Source_search_update" AFTER UPDATE OF title, text ON "Source" WHEN old.title IS NOT new.title OR old.text IS NOT new.text BEGIN
  INSERT INTO "SourceSearch"("SourceSearch", rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
  INSERT INTO "SourceSearch"(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;

-- A stance's claim is live when it is not retracted. Claims change liveness only through the
-- trigger above, which moves their stances in and out, so a stance's claim as it is now is the
-- claim it was indexed under.
CREATE TRIGGER "Stance_search_insert" AFTER INSERT ON "Stance"
WHEN new."retractedAt" IS NULL AND (SELECT "retractedAt" FROM "Claim" WHERE id = new."claimId") IS NULL BEGIN
  INSERT INTO "QuoteSearch"(rowid, quote) VALUES (new.rowid, new.quote);
END;
CREATE TRIGGER "Stance_search_delete" AFTER DELETE ON "Stance"
WHEN old."retractedAt" IS NULL AND (SELECT "retractedAt" FROM "Claim" WHERE id = old."claimId") IS NULL BEGIN
  INSERT INTO "QuoteSearch"("QuoteSearch", rowid, quote) VALUES ('delete', old.rowid, old.quote);
END;
CREATE TRIGGER "Stance_search_update" AFTER UPDATE OF quote, "retractedAt", "claimId" ON "Stance"
WHEN old.quote IS NOT new.quote OR old."claimId" IS NOT new."claimId" OR (old."retractedAt" IS NULL) <> (new."retractedAt" IS NULL) BEGIN
  INSERT INTO "QuoteSearch"("QuoteSearch", rowid, quote) SELECT 'delete', old.rowid, old.quote
    WHERE old."retractedAt" IS NULL AND (SELECT "retractedAt" FROM "Claim" WHERE id = old."claimId") IS NULL;
  INSERT INTO "QuoteSearch"(rowid, quote) SELECT new.rowid, new.quote
    WHERE new."retractedAt" IS NULL AND (SELECT "retractedAt" FROM "Claim" WHERE id = new."claimId") IS NULL;
END;

-- Rows stored before this migration: the live ones.
INSERT INTO "ClaimSearch"(rowid, text) SELECT rowid, text FROM "Claim" WHERE "retractedAt" IS NULL;
INSERT INTO "SourceSearch"("SourceSearch") VALUES ('rebuild');
INSERT INTO "QuoteSearch"(rowid, quote) SELECT s.rowid, s.quote FROM "Stance" s JOIN "Claim" c ON c.id = s."claimId"
  WHERE s."retractedAt" IS NULL AND c."retractedAt" IS NULL;
