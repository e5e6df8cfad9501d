-- The claim index's vocabulary: how many live claims have each word (FTS5's own counts, read from
-- its index), so that the duplicate matcher asks for a wording's rarest words (decision 0022).
CREATE VIRTUAL TABLE "ClaimSearchTerms" USING fts5vocab("ClaimSearch", 'row');
