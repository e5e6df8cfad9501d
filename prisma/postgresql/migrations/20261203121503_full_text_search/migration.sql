-- Full-text search (docs/decisions/0015-full-text-search.md): a tsvector per claim, source and
-- stance, each in a table of its own beside the row it indexes (Prisma Migrate leaves these
-- tables alone: prisma.config.ts lists them as external), GIN-indexed, and kept in step by
-- the triggers below inside the writing transaction, whichever door wrote. The 'simple'
-- configuration: no stemming and no stop words, as on SQLite's FTS5. A source's title weighs
-- more than its text (A, B), and its text is indexed up to its first 500,000 characters, since a
-- tsvector holds at most 1 MB.
--
-- Only what a search may find is indexed, as on SQLite: claims that are not retracted (a merged
-- claim is retracted too), and stances that are not retracted on claims that are not.
CREATE TABLE "ClaimSearch" (
  "id" TEXT PRIMARY KEY REFERENCES "Claim"("id") ON DELETE CASCADE,
  "vector" tsvector NOT NULL
);
CREATE TABLE "SourceSearch" (
  "id" TEXT PRIMARY KEY REFERENCES "Source"("id") ON DELETE CASCADE,
  "vector" tsvector NOT NULL
);
CREATE TABLE "QuoteSearch" (
  "id" TEXT PRIMARY KEY REFERENCES "Stance"("id") ON DELETE CASCADE,
  "vector" tsvector NOT NULL
);
CREATE INDEX "ClaimSearch_vector_idx" ON "ClaimSearch" USING GIN ("vector");
CREATE INDEX "SourceSearch_vector_idx" ON "SourceSearch" USING GIN ("vector");
CREATE INDEX "QuoteSearch_vector_idx" ON "QuoteSearch" USING GIN ("vector");

CREATE FUNCTION "words_search_vector"(words TEXT) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT to_tsvector('simple', words) $$;
CREATE FUNCTION "source_search_vector"(title TEXT, text TEXT) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', left(text, 500000)), 'B') $$;

-- The trigger functions' bodies end their statements with \073, a semicolon in an E'' string:
-- Prisma's PostgreSQL driver splits a migration at every semicolon, inside $$ quotes too.
-- Inserts are indexed statement by statement (an import inserts thousands of rows in one),
-- updates row by row, and only when the words or whether the row is live changed.
CREATE FUNCTION "claim_search_inserted"() RETURNS trigger LANGUAGE plpgsql AS E'
  BEGIN
    INSERT INTO "ClaimSearch" ("id", "vector") SELECT "id", "words_search_vector"("text") FROM inserted WHERE "retractedAt" IS NULL\073
    RETURN NULL\073
  END
';
CREATE FUNCTION "source_search_inserted"() RETURNS trigger LANGUAGE plpgsql AS E'
  BEGIN
    INSERT INTO "SourceSearch" ("id", "vector") SELECT "id", "source_search_vector"("title", "text") FROM inserted\073
    RETURN NULL\073
  END
';
CREATE FUNCTION "quote_search_inserted"() RETURNS trigger LANGUAGE plpgsql AS E'
  BEGIN
    INSERT INTO "QuoteSearch" ("id", "vector") SELECT i."id", "words_search_vector"(i."quote") FROM inserted i
      JOIN "Claim" c ON c."id" = i."claimId" WHERE i."retractedAt" IS NULL AND c."retractedAt" IS NULL\073
    RETURN NULL\073
  END
';
CREATE FUNCTION "claim_search_updated"() RETURNS trigger LANGUAGE plpgsql AS E'
  BEGIN
    DELETE FROM "ClaimSearch" WHERE "id" = OLD."id"\073
    IF NEW."retractedAt" IS NULL THEN
      INSERT INTO "ClaimSearch" ("id", "vector") VALUES (NEW."id", "words_search_vector"(NEW."text"))\073
    END IF\073
    IF OLD."retractedAt" IS NULL AND NEW."retractedAt" IS NOT NULL THEN
      DELETE FROM "QuoteSearch" q USING "Stance" s WHERE q."id" = s."id" AND s."claimId" = NEW."id"\073
    ELSIF OLD."retractedAt" IS NOT NULL AND NEW."retractedAt" IS NULL THEN
      INSERT INTO "QuoteSearch" ("id", "vector") SELECT "id", "words_search_vector"("quote") FROM "Stance"
        WHERE "claimId" = NEW."id" AND "retractedAt" IS NULL\073
    END IF\073
    RETURN NULL\073
  END
';
CREATE FUNCTION "source_search_updated"() RETURNS trigger LANGUAGE plpgsql AS E'
  BEGIN
    UPDATE "SourceSearch" SET "vector" = "source_search_vector"(NEW."title", NEW."text") WHERE "id" = NEW."id"\073
    RETURN NULL\073
  END
';
CREATE FUNCTION "quote_search_updated"() RETURNS trigger LANGUAGE plpgsql AS E'
  BEGIN
    DELETE FROM "QuoteSearch" WHERE "id" = OLD."id"\073
    INSERT INTO "QuoteSearch" ("id", "vector") SELECT NEW."id", "words_search_vector"(NEW."quote")
      WHERE NEW."retractedAt" IS NULL AND EXISTS (SELECT 1 FROM "Claim" WHERE "id" = NEW."claimId" AND "retractedAt" IS NULL)\073
    RETURN NULL\073
  END
';

CREATE TRIGGER "Claim_search_insert" AFTER INSERT ON "Claim" REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION "claim_search_inserted"();
CREATE TRIGGER "Source_search_insert" AFTER INSERT ON "Source" REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION "source_search_inserted"();
CREATE TRIGGER "Stance_search_insert" AFTER INSERT ON "Stance" REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION "quote_search_inserted"();
CREATE TRIGGER "Claim_search_update" AFTER UPDATE OF "text", "retractedAt" ON "Claim" FOR EACH ROW
  WHEN (OLD."text" IS DISTINCT FROM NEW."text" OR (OLD."retractedAt" IS NULL) <> (NEW."retractedAt" IS NULL))
  EXECUTE FUNCTION "claim_search_updated"();
CREATE TRIGGER "Source_search_update" AFTER UPDATE OF "title", "text" ON "Source" FOR EACH ROW
  WHEN (OLD."title" IS DISTINCT FROM NEW."title" OR OLD."text" IS DISTINCT FROM NEW."text")
  EXECUTE FUNCTION "source_search_updated"();
CREATE TRIGGER "Stance_search_update" AFTER UPDATE OF "quote", "retractedAt", "claimId" ON "Stance" FOR EACH ROW
  WHEN (OLD."quote" IS DISTINCT FROM NEW."quote" OR OLD."claimId" IS DISTINCT FROM NEW."claimId" OR (OLD."retractedAt" IS NULL) <> (NEW."retractedAt" IS NULL))
  EXECUTE FUNCTION "quote_search_updated"();

-- Rows stored before this migration: the live ones.
INSERT INTO "ClaimSearch" ("id", "vector") SELECT "id", "words_search_vector"("text") FROM "Claim" WHERE "retractedAt" IS NULL;
INSERT INTO "SourceSearch" ("id", "vector") SELECT "id", "source_search_vector"("title", "text") FROM "Source";
INSERT INTO "QuoteSearch" ("id", "vector") SELECT s."id", "words_search_vector"(s."quote") FROM "Stance" s
  JOIN "Claim" c ON c."id" = s."claimId" WHERE s."retractedAt" IS NULL AND c."retractedAt" IS NULL;
