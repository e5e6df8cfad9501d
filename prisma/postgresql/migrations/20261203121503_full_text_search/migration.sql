-- Full-text search (docs/decisions/0015-full-text-search.md): a tsvector per claim, source and
-- stance, each in a table of its own beside the row it indexes (Prisma Migrate leaves these
-- tables alone: prisma.config.ts lists them as external), GIN-indexed, and kept in step by
-- the triggers below inside the writing transaction, whichever door wrote. The 'simple'
-- configuration: no stemming and no stop words, as on SQLite's FTS5. A source's title weighs
-- more than its text (A, B), and its text is indexed up to its first 500,000 characters, since a
-- tsvector holds at most 1 MB.
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

CREATE FUNCTION "claim_search_vector"(text TEXT) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT to_tsvector('simple', text) $$;
CREATE FUNCTION "source_search_vector"(title TEXT, text TEXT) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', left(text, 500000)), 'B') $$;

-- The trigger functions' bodies end their statements with \073, a semicolon in an E'' string:
-- Prisma's PostgreSQL driver splits a migration at every semicolon, inside $$ quotes too.
-- Inserts, statement by statement (an import inserts thousands of rows in one), updates row by
-- row, and only when the indexed words changed.
CREATE FUNCTION "claim_search_inserted"() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN INSERT INTO "ClaimSearch" ("id", "vector") SELECT "id", "claim_search_vector"("text") FROM inserted\073 RETURN NULL\073 END';
CREATE FUNCTION "source_search_inserted"() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN INSERT INTO "SourceSearch" ("id", "vector") SELECT "id", "source_search_vector"("title", "text") FROM inserted\073 RETURN NULL\073 END';
CREATE FUNCTION "quote_search_inserted"() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN INSERT INTO "QuoteSearch" ("id", "vector") SELECT "id", "claim_search_vector"("quote") FROM inserted\073 RETURN NULL\073 END';
CREATE FUNCTION "claim_search_updated"() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN UPDATE "ClaimSearch" SET "vector" = "claim_search_vector"(NEW."text") WHERE "id" = NEW."id"\073 RETURN NULL\073 END';
CREATE FUNCTION "source_search_updated"() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN UPDATE "SourceSearch" SET "vector" = "source_search_vector"(NEW."title", NEW."text") WHERE "id" = NEW."id"\073 RETURN NULL\073 END';
CREATE FUNCTION "quote_search_updated"() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN UPDATE "QuoteSearch" SET "vector" = "claim_search_vector"(NEW."quote") WHERE "id" = NEW."id"\073 RETURN NULL\073 END';

CREATE TRIGGER "Claim_search_insert" AFTER INSERT ON "Claim" REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION "claim_search_inserted"();
CREATE TRIGGER "Source_search_insert" AFTER INSERT ON "Source" REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION "source_search_inserted"();
CREATE TRIGGER "Stance_search_insert" AFTER INSERT ON "Stance" REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION "quote_search_inserted"();
CREATE TRIGGER "Claim_search_update" AFTER UPDATE OF "text" ON "Claim" FOR EACH ROW
  WHEN (OLD."text" IS DISTINCT FROM NEW."text") EXECUTE FUNCTION "claim_search_updated"();
CREATE TRIGGER "Source_search_update" AFTER UPDATE OF "title", "text" ON "Source" FOR EACH ROW
  WHEN (OLD."title" IS DISTINCT FROM NEW."title" OR OLD."text" IS DISTINCT FROM NEW."text") EXECUTE FUNCTION "source_search_updated"();
CREATE TRIGGER "Stance_search_update" AFTER UPDATE OF "quote" ON "Stance" FOR EACH ROW
  WHEN (OLD."quote" IS DISTINCT FROM NEW."quote") EXECUTE FUNCTION "quote_search_updated"();

-- Rows stored before this migration.
INSERT INTO "ClaimSearch" ("id", "vector") SELECT "id", "claim_search_vector"("text") FROM "Claim";
INSERT INTO "SourceSearch" ("id", "vector") SELECT "id", "source_search_vector"("title", "text") FROM "Source";
INSERT INTO "QuoteSearch" ("id", "vector") SELECT "id", "claim_search_vector"("quote") FROM "Stance";
