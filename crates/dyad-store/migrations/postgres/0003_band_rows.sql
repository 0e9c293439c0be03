-- Schema version 3 (PostgreSQL): a band row no longer checks its document through a
-- foreign key, as ../0003_band_rows.sql. Band rows are only written in the transaction
-- that inserts their document, so the check never failed; it cost a lookup of the document
-- that also locks its row (FOR KEY SHARE) for each band row, sixteen per article: more than
-- inserting the row itself. Deleting documents still deletes their bands, through one
-- trigger per statement instead of `ON DELETE CASCADE` (one lookup per document).

ALTER TABLE minhash_bands DROP CONSTRAINT IF EXISTS minhash_bands_content_hash_fkey;

CREATE FUNCTION dyad_delete_bands() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM minhash_bands b USING deleted_documents d
    WHERE b.content_hash = d.content_hash;
    RETURN NULL;
END
$$;

CREATE TRIGGER documents_delete_bands AFTER DELETE ON documents
    REFERENCING OLD TABLE AS deleted_documents
    FOR EACH STATEMENT EXECUTE FUNCTION dyad_delete_bands();
