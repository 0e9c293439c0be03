-- Schema version 2 (PostgreSQL): near-duplicate articles and events merged across
-- articles, as ../0002_merged_events.sql.

-- The MinHash signature of each article's word 3-shingles (64 little-endian u32) and,
-- when it nearly repeats an article stored before it, that article (the first of its group).
ALTER TABLE documents ADD COLUMN minhash BYTEA;
ALTER TABLE documents ADD COLUMN duplicate_of TEXT COLLATE "C";

-- The locality-sensitive bands of each signature: near-duplicates share at least one.
CREATE TABLE minhash_bands (
    band         BIGINT NOT NULL,
    content_hash TEXT COLLATE "C" NOT NULL
                 REFERENCES documents (content_hash) ON DELETE CASCADE,
    PRIMARY KEY (band, content_hash)
);

-- One row per event as it happened, however many reports tell it. `id` is a content hash
-- of its first report (document key and event id), so parallel writers agree on it.
CREATE TABLE merged_events (
    seq          BIGSERIAL NOT NULL UNIQUE,
    id           TEXT COLLATE "C" PRIMARY KEY NOT NULL,
    source_key   TEXT COLLATE "C" NOT NULL,
    target_key   TEXT COLLATE "C" NOT NULL,
    root         TEXT COLLATE "C" NOT NULL,
    mode_group   TEXT COLLATE "C" NOT NULL,
    -- The days the date can stand for (days since 1970-01-01), NULL when undated.
    first_day    BIGINT,
    last_day     BIGINT,
    -- The report whose fields the merged event shows: its first.
    first_seq    BIGINT NOT NULL,
    num_mentions BIGINT NOT NULL DEFAULT 0,
    num_articles BIGINT NOT NULL DEFAULT 0,
    num_sources  BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX merged_events_by_key
    ON merged_events (source_key, target_key, root, mode_group, first_day);

-- Each report (mention) belongs to one merged event, with the reason it joined.
ALTER TABLE events ADD COLUMN merged_id TEXT COLLATE "C" REFERENCES merged_events (id);
ALTER TABLE events ADD COLUMN merge_reason TEXT COLLATE "C";
CREATE INDEX events_by_merged_id ON events (merged_id);
CREATE INDEX documents_by_duplicate_of ON documents (duplicate_of);

-- Dyad queries: each source index also covers the target columns and the merged event.
CREATE INDEX events_by_source_code
    ON events (source_code, target_country, target_code, target_name, merged_id);
CREATE INDEX events_by_source_country
    ON events (source_country, target_country, target_code, target_name, merged_id);
CREATE INDEX events_by_source_name
    ON events (lower(source_name), target_country, target_code, lower(target_name), merged_id);
