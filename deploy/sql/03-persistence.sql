-- Open Chronic: Orleans ADO.NET grain storage on PostgreSQL; idempotent.
-- Written for Open Chronic from the provider contract: the provider binds @GrainIdHash, @GrainIdN0, @GrainIdN1,
-- @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString (null when the key has no extension), @ServiceId,
-- @GrainStateVersion (null for a grain never written) and @PayloadBinary; it reads back PayloadBinary and Version,
-- and NewGrainStateVersion after a write. A write whose version is not the stored one returns NULL, which the
-- provider turns into an InconsistentStateException (optimistic concurrency: two activations cannot both win).
-- Open Chronic stores Orleans' binary serializer output in payloadbinary (bytea).

CREATE TABLE IF NOT EXISTS orleansstorage
(
    grainidhash            integer      NOT NULL,
    grainidn0              bigint       NOT NULL,
    grainidn1              bigint       NOT NULL,
    graintypehash          integer      NOT NULL,
    graintypestring        varchar(512) NOT NULL,
    -- '' when the grain key has no extension, so that the primary key has no NULL.
    grainidextensionstring varchar(512) NOT NULL DEFAULT '',
    serviceid              varchar(150) NOT NULL,
    payloadbinary          bytea        NULL,
    modifiedon             timestamptz  NOT NULL DEFAULT now(),
    version                integer      NOT NULL,
    PRIMARY KEY (grainidhash, graintypehash, serviceid, grainidn0, grainidn1, graintypestring, grainidextensionstring)
);

-- Writes a grain's state: insert when the grain has no version yet, else update when the stored version is the
-- grain's. Returns the new version, or NULL when another activation changed the row first.
CREATE OR REPLACE FUNCTION openchronic_storage_write(
    p_grainidhash integer, p_grainidn0 bigint, p_grainidn1 bigint, p_graintypehash integer, p_graintypestring text,
    p_grainidextensionstring text, p_serviceid text, p_version integer, p_payload bytea)
RETURNS integer
LANGUAGE plpgsql AS
$body$
DECLARE
    newversion integer;
BEGIN
    IF p_version IS NULL THEN
        INSERT INTO orleansstorage
            (grainidhash, grainidn0, grainidn1, graintypehash, graintypestring, grainidextensionstring, serviceid,
             payloadbinary, modifiedon, version)
        VALUES
            (p_grainidhash, p_grainidn0, p_grainidn1, p_graintypehash, p_graintypestring, coalesce(p_grainidextensionstring, ''),
             p_serviceid, p_payload, now(), 1)
        ON CONFLICT DO NOTHING
        RETURNING version INTO newversion;
        RETURN newversion;
    END IF;

    UPDATE orleansstorage
    SET payloadbinary = p_payload, modifiedon = now(), version = version + 1
    WHERE grainidhash = p_grainidhash AND graintypehash = p_graintypehash AND serviceid = p_serviceid
      AND grainidn0 = p_grainidn0 AND grainidn1 = p_grainidn1 AND graintypestring = p_graintypestring
      AND grainidextensionstring = coalesce(p_grainidextensionstring, '') AND version = p_version
    RETURNING version INTO newversion;
    RETURN newversion;
END;
$body$;

INSERT INTO orleansquery (querykey, querytext) VALUES
('ReadFromStorageKey', $q$
SELECT payloadbinary AS "PayloadBinary", version AS "Version"
FROM orleansstorage
WHERE grainidhash = CAST(@GrainIdHash AS integer) AND graintypehash = CAST(@GrainTypeHash AS integer)
  AND serviceid = CAST(@ServiceId AS text) AND grainidn0 = CAST(@GrainIdN0 AS bigint)
  AND grainidn1 = CAST(@GrainIdN1 AS bigint) AND graintypestring = CAST(@GrainTypeString AS text)
  AND grainidextensionstring = coalesce(CAST(@GrainIdExtensionString AS text), '')
$q$),
('WriteToStorageKey', $q$
SELECT openchronic_storage_write(CAST(@GrainIdHash AS integer), CAST(@GrainIdN0 AS bigint), CAST(@GrainIdN1 AS bigint),
    CAST(@GrainTypeHash AS integer), CAST(@GrainTypeString AS text), CAST(@GrainIdExtensionString AS text),
    CAST(@ServiceId AS text), CAST(@GrainStateVersion AS integer), CAST(@PayloadBinary AS bytea)) AS "NewGrainStateVersion"
$q$),
-- Clearing keeps the row (and bumps its version) so that a stale activation cannot resurrect the old state.
('ClearStorageKey', $q$
UPDATE orleansstorage
SET payloadbinary = NULL, modifiedon = now(), version = version + 1
WHERE grainidhash = CAST(@GrainIdHash AS integer) AND graintypehash = CAST(@GrainTypeHash AS integer)
  AND serviceid = CAST(@ServiceId AS text) AND grainidn0 = CAST(@GrainIdN0 AS bigint)
  AND grainidn1 = CAST(@GrainIdN1 AS bigint) AND graintypestring = CAST(@GrainTypeString AS text)
  AND grainidextensionstring = coalesce(CAST(@GrainIdExtensionString AS text), '')
  AND version = CAST(@GrainStateVersion AS integer)
RETURNING version AS "Version"
$q$),
-- Optional: used when the provider is configured to delete rows on clear.
('DeleteStorageKey', $q$
DELETE FROM orleansstorage
WHERE grainidhash = CAST(@GrainIdHash AS integer) AND graintypehash = CAST(@GrainTypeHash AS integer)
  AND serviceid = CAST(@ServiceId AS text) AND grainidn0 = CAST(@GrainIdN0 AS bigint)
  AND grainidn1 = CAST(@GrainIdN1 AS bigint) AND graintypestring = CAST(@GrainTypeString AS text)
  AND grainidextensionstring = coalesce(CAST(@GrainIdExtensionString AS text), '')
  AND version = CAST(@GrainStateVersion AS integer)
RETURNING version + 1 AS "Version"
$q$)
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;

INSERT INTO openchronic_schema (component, version) VALUES ('persistence', 1)
ON CONFLICT (component) DO UPDATE SET version = EXCLUDED.version, installedon = now();
