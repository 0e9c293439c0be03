-- Schema version 2: near-duplicate articles and events merged across articles.

-- The MinHash signature of each article's word 3-shingles (64 little-endian u32) and,
-- when it nearly repeats an article stored before it (a wire copy, an updated version),
-- that article (the first of its group).
ALTER TABLE documents ADD COLUMN minhash BLOB;
ALTER TABLE documents ADD COLUMN duplicate_of TEXT;

-- The locality-sensitive bands of each signature: near-duplicates share at least one.
CREATE TABLE minhash_bands (
    band         INTEGER NOT NULL,
    content_hash TEXT NOT NULL REFERENCES documents (content_hash) ON DELETE CASCADE,
    PRIMARY KEY (band, content_hash)
) WITHOUT ROWID;

-- One row per event as it happened, however many reports tell it. `id` is a content hash
-- of its first report (document key and event id), so parallel writers agree on it.
CREATE TABLE merged_events (
    id           TEXT PRIMARY KEY NOT NULL,
    source_key   TEXT NOT NULL,
    target_key   TEXT NOT NULL,
    root         TEXT NOT NULL,
    mode_group   TEXT NOT NULL,
    -- The days the date can stand for (days since 1970-01-01), NULL when undated.
    first_day    INTEGER,
    last_day     INTEGER,
    -- The report whose fields the merged event shows: its first.
    first_seq    INTEGER NOT NULL,
    num_mentions INTEGER NOT NULL DEFAULT 0,
    num_articles INTEGER NOT NULL DEFAULT 0,
    num_sources  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX merged_events_by_key
    ON merged_events (source_key, target_key, root, mode_group, first_day);

-- Each report (mention) belongs to one merged event, with the reason it joined.
ALTER TABLE events ADD COLUMN merged_id TEXT REFERENCES merged_events (id);
ALTER TABLE events ADD COLUMN merge_reason TEXT;
CREATE INDEX events_by_merged_id ON events (merged_id);
CREATE INDEX documents_by_duplicate_of ON documents (duplicate_of);

-- Dyad queries: each source index also covers the target columns and the merged event,
-- so that "A against B" is answered from the indexes alone (the single-column source
-- indexes of version 1 are their prefixes, and go).
DROP INDEX events_by_source_code;
DROP INDEX events_by_source_country;
DROP INDEX events_by_source_name;
CREATE INDEX events_by_source_code
    ON events (source_code, target_country, target_code, target_name, merged_id);
CREATE INDEX events_by_source_country
    ON events (source_country, target_country, target_code, target_name, merged_id);
CREATE INDEX events_by_source_name
    ON events (source_name, target_country, target_code, target_name, merged_id);
