-- Schema version 1: documents, their events, and a full-text index over event evidence.

-- One row per distinct article text. `content_hash` (a hash of `text`) is the key, so the
-- same text stored twice, by one writer or by several at once, is one row.
CREATE TABLE documents (
    content_hash TEXT PRIMARY KEY NOT NULL,
    id           TEXT NOT NULL,
    path         TEXT,
    url          TEXT,
    title        TEXT,
    outlet       TEXT COLLATE NOCASE,
    published    TEXT,
    text         TEXT NOT NULL,
    -- The record as JSON, without `doc.text` and `events` (kept in their own columns/rows).
    record_json  TEXT NOT NULL,
    analysed_at  TEXT NOT NULL,
    pipeline     TEXT
);
CREATE INDEX documents_by_id ON documents (id);
CREATE INDEX documents_by_outlet ON documents (outlet);

-- One row per coded event. The columns besides `event_json` exist for filtering; the JSON
-- is the event as coded.
CREATE TABLE events (
    seq            INTEGER PRIMARY KEY,
    id             TEXT NOT NULL,
    content_hash   TEXT NOT NULL REFERENCES documents (content_hash) ON DELETE CASCADE,
    sentence       INTEGER NOT NULL,
    cameo          TEXT NOT NULL,
    root           TEXT NOT NULL,
    quad_class     INTEGER NOT NULL,
    goldstein      REAL NOT NULL,
    mode           TEXT NOT NULL,
    source_code    TEXT,
    source_country TEXT,
    source_name    TEXT COLLATE NOCASE,
    source_text    TEXT NOT NULL,
    target_code    TEXT,
    target_country TEXT,
    target_name    TEXT COLLATE NOCASE,
    target_text    TEXT,
    date_value     TEXT,
    date_precision TEXT NOT NULL,
    date_basis     TEXT NOT NULL,
    evidence       TEXT NOT NULL,
    event_json     TEXT NOT NULL,
    UNIQUE (content_hash, id)
);
CREATE INDEX events_by_source_code ON events (source_code);
CREATE INDEX events_by_source_country ON events (source_country);
CREATE INDEX events_by_source_name ON events (source_name);
CREATE INDEX events_by_target_code ON events (target_code);
CREATE INDEX events_by_target_country ON events (target_country);
CREATE INDEX events_by_target_name ON events (target_name);
CREATE INDEX events_by_cameo ON events (cameo);
CREATE INDEX events_by_root ON events (root);
CREATE INDEX events_by_date ON events (date_value);

-- Full-text search over the evidence sentence, kept in step with `events` by triggers.
CREATE VIRTUAL TABLE events_fts USING fts5 (
    evidence,
    content = 'events',
    content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
    INSERT INTO events_fts (rowid, evidence) VALUES (new.seq, new.evidence);
END;
CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN
    INSERT INTO events_fts (events_fts, rowid, evidence) VALUES ('delete', old.seq, old.evidence);
END;
