-- Schema version 3: a band row no longer checks its document through a foreign key. Band
-- rows are only written in the transaction that inserts their document, so the check
-- never failed; in PostgreSQL it cost a locking lookup of the document per band row
-- (sixteen per article), more than the row itself. Deleting a document still deletes its
-- bands, through a trigger instead of `ON DELETE CASCADE`.

CREATE TABLE minhash_bands_v3 (
    band         INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    PRIMARY KEY (band, content_hash)
) WITHOUT ROWID;
INSERT INTO minhash_bands_v3 (band, content_hash) SELECT band, content_hash FROM minhash_bands;
DROP TABLE minhash_bands;
ALTER TABLE minhash_bands_v3 RENAME TO minhash_bands;

CREATE TRIGGER documents_delete_bands AFTER DELETE ON documents
BEGIN
    DELETE FROM minhash_bands WHERE content_hash = old.content_hash;
END;
