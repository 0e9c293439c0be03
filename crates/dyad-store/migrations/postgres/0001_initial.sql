-- Schema version 1 (PostgreSQL): the tables of ../0001_initial.sql with the same columns
-- and meaning. Differences of dialect only: text compares byte-wise (COLLATE "C", as
-- SQLite's BINARY), names and outlets compare in lowercase through expression indexes
-- (SQLite's NOCASE), `seq` columns keep the order of storage (SQLite's rowid), and the
-- evidence is searched through a tsvector column instead of an FTS5 table.

CREATE TABLE documents (
    seq          BIGSERIAL NOT NULL UNIQUE,
    content_hash TEXT COLLATE "C" PRIMARY KEY NOT NULL,
    id           TEXT COLLATE "C" NOT NULL,
    path         TEXT COLLATE "C",
    url          TEXT COLLATE "C",
    title        TEXT COLLATE "C",
    outlet       TEXT COLLATE "C",
    published    TEXT COLLATE "C",
    text         TEXT COLLATE "C" NOT NULL,
    -- The record as JSON, without `doc.text` and `events` (kept in their own columns/rows).
    record_json  TEXT COLLATE "C" NOT NULL,
    analysed_at  TEXT COLLATE "C" NOT NULL,
    pipeline     TEXT COLLATE "C"
);
CREATE INDEX documents_by_id ON documents (id);
CREATE INDEX documents_by_outlet ON documents (lower(outlet));

CREATE TABLE events (
    seq            BIGSERIAL PRIMARY KEY,
    id             TEXT COLLATE "C" NOT NULL,
    content_hash   TEXT COLLATE "C" NOT NULL
                   REFERENCES documents (content_hash) ON DELETE CASCADE,
    sentence       BIGINT NOT NULL,
    cameo          TEXT COLLATE "C" NOT NULL,
    root           TEXT COLLATE "C" NOT NULL,
    quad_class     BIGINT NOT NULL,
    goldstein      DOUBLE PRECISION NOT NULL,
    mode           TEXT COLLATE "C" NOT NULL,
    source_code    TEXT COLLATE "C",
    source_country TEXT COLLATE "C",
    source_name    TEXT COLLATE "C",
    source_text    TEXT COLLATE "C" NOT NULL,
    target_code    TEXT COLLATE "C",
    target_country TEXT COLLATE "C",
    target_name    TEXT COLLATE "C",
    target_text    TEXT COLLATE "C",
    date_value     TEXT COLLATE "C",
    date_precision TEXT COLLATE "C" NOT NULL,
    date_basis     TEXT COLLATE "C" NOT NULL,
    evidence       TEXT COLLATE "C" NOT NULL,
    event_json     TEXT COLLATE "C" NOT NULL,
    -- The evidence's words, lowercase and without diacritics (written by dyad).
    evidence_tsv   TSVECTOR NOT NULL,
    UNIQUE (content_hash, id)
);
CREATE INDEX events_by_target_code ON events (target_code);
CREATE INDEX events_by_target_country ON events (target_country);
CREATE INDEX events_by_target_name ON events (lower(target_name));
CREATE INDEX events_by_cameo ON events (cameo);
CREATE INDEX events_by_root ON events (root);
CREATE INDEX events_by_date ON events (date_value);
CREATE INDEX events_fts ON events USING GIN (evidence_tsv);
