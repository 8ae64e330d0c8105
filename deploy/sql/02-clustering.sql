-- Open Chronic: Orleans ADO.NET clustering (membership) on PostgreSQL; idempotent.
-- Written for Open Chronic from the provider contract: the query keys Orleans requires, the parameters it binds
-- (@DeploymentId = the cluster id, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort,
-- @StartTime, @IAmAliveTime, @SuspectTimes, @Version) and the columns it reads back by name.
-- Silo status codes (Orleans SiloStatus): 1 created, 2 joining, 3 active, 4 shutting down, 5 stopping, 6 dead.
-- Times are timestamptz: Npgsql 6+ refuses UTC DateTime values for timestamp without time zone.

CREATE TABLE IF NOT EXISTS orleansmembershipversiontable
(
    deploymentid varchar(150) NOT NULL PRIMARY KEY,
    timestamp    timestamptz  NOT NULL DEFAULT now(),
    version      integer      NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS orleansmembershiptable
(
    deploymentid varchar(150) NOT NULL REFERENCES orleansmembershipversiontable (deploymentid) ON DELETE CASCADE,
    address      varchar(45)  NOT NULL,
    port         integer      NOT NULL,
    generation   integer      NOT NULL,
    siloname     varchar(150) NOT NULL,
    hostname     varchar(150) NOT NULL,
    status       integer      NOT NULL,
    proxyport    integer      NULL,
    suspecttimes text         NULL,
    starttime    timestamptz  NOT NULL,
    iamalivetime timestamptz  NOT NULL,
    PRIMARY KEY (deploymentid, address, port, generation)
);

-- Inserts a silo row when the table version the silo read is still current; bumps the version in the same
-- transaction. The version row's lock serialises concurrent joiners: the loser sees a changed version.
CREATE OR REPLACE FUNCTION openchronic_membership_insert(
    p_deploymentid text, p_address text, p_port integer, p_generation integer, p_siloname text, p_hostname text,
    p_status integer, p_proxyport integer, p_starttime timestamptz, p_iamalivetime timestamptz, p_version integer)
RETURNS boolean
LANGUAGE plpgsql AS
$body$
DECLARE
    changed integer;
BEGIN
    IF EXISTS (SELECT 1 FROM orleansmembershiptable
               WHERE deploymentid = p_deploymentid AND address = p_address AND port = p_port AND generation = p_generation) THEN
        RETURN false;
    END IF;

    UPDATE orleansmembershipversiontable SET version = version + 1, timestamp = now()
    WHERE deploymentid = p_deploymentid AND version = p_version;
    GET DIAGNOSTICS changed = ROW_COUNT;
    IF changed = 0 THEN
        RETURN false;
    END IF;

    INSERT INTO orleansmembershiptable
        (deploymentid, address, port, generation, siloname, hostname, status, proxyport, suspecttimes, starttime, iamalivetime)
    VALUES
        (p_deploymentid, p_address, p_port, p_generation, p_siloname, p_hostname, p_status, p_proxyport, NULL, p_starttime, p_iamalivetime);
    RETURN true;
END;
$body$;

-- Updates a silo row (status, suspicions, heartbeat) under the same version check as an insert.
CREATE OR REPLACE FUNCTION openchronic_membership_update(
    p_deploymentid text, p_address text, p_port integer, p_generation integer, p_status integer,
    p_suspecttimes text, p_iamalivetime timestamptz, p_version integer)
RETURNS boolean
LANGUAGE plpgsql AS
$body$
DECLARE
    changed integer;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM orleansmembershiptable
                   WHERE deploymentid = p_deploymentid AND address = p_address AND port = p_port AND generation = p_generation) THEN
        RETURN false;
    END IF;

    UPDATE orleansmembershipversiontable SET version = version + 1, timestamp = now()
    WHERE deploymentid = p_deploymentid AND version = p_version;
    GET DIAGNOSTICS changed = ROW_COUNT;
    IF changed = 0 THEN
        RETURN false;
    END IF;

    UPDATE orleansmembershiptable
    SET status = p_status, suspecttimes = p_suspecttimes, iamalivetime = p_iamalivetime
    WHERE deploymentid = p_deploymentid AND address = p_address AND port = p_port AND generation = p_generation;
    RETURN true;
END;
$body$;

INSERT INTO orleansquery (querykey, querytext) VALUES
('UpdateIAmAlivetimeKey', $q$
UPDATE orleansmembershiptable SET iamalivetime = CAST(@IAmAliveTime AS timestamptz)
WHERE deploymentid = CAST(@DeploymentId AS text) AND address = CAST(@Address AS text)
  AND port = CAST(@Port AS integer) AND generation = CAST(@Generation AS integer)
$q$),
('InsertMembershipVersionKey', $q$
WITH inserted AS (
    INSERT INTO orleansmembershipversiontable (deploymentid) VALUES (CAST(@DeploymentId AS text))
    ON CONFLICT (deploymentid) DO NOTHING
    RETURNING 1)
SELECT EXISTS (SELECT 1 FROM inserted) AS "Inserted"
$q$),
('InsertMembershipKey', $q$
SELECT openchronic_membership_insert(CAST(@DeploymentId AS text), CAST(@Address AS text), CAST(@Port AS integer),
    CAST(@Generation AS integer), CAST(@SiloName AS text), CAST(@HostName AS text), CAST(@Status AS integer),
    CAST(@ProxyPort AS integer), CAST(@StartTime AS timestamptz), CAST(@IAmAliveTime AS timestamptz),
    CAST(@Version AS integer)) AS "Inserted"
$q$),
('UpdateMembershipKey', $q$
SELECT openchronic_membership_update(CAST(@DeploymentId AS text), CAST(@Address AS text), CAST(@Port AS integer),
    CAST(@Generation AS integer), CAST(@Status AS integer), CAST(@SuspectTimes AS text),
    CAST(@IAmAliveTime AS timestamptz), CAST(@Version AS integer)) AS "Updated"
$q$),
('MembershipReadRowKey', $q$
SELECT v.version AS "Version", m.deploymentid AS "DeploymentId", m.address AS "Address", m.port AS "Port",
       m.generation AS "Generation", m.siloname AS "SiloName", m.hostname AS "HostName", m.status AS "Status",
       m.proxyport AS "ProxyPort", m.suspecttimes AS "SuspectTimes", m.starttime AS "StartTime",
       m.iamalivetime AS "IAmAliveTime"
FROM orleansmembershipversiontable v
LEFT JOIN orleansmembershiptable m
       ON m.deploymentid = v.deploymentid AND m.address = CAST(@Address AS text)
      AND m.port = CAST(@Port AS integer) AND m.generation = CAST(@Generation AS integer)
WHERE v.deploymentid = CAST(@DeploymentId AS text)
$q$),
('MembershipReadAllKey', $q$
SELECT v.version AS "Version", m.deploymentid AS "DeploymentId", m.address AS "Address", m.port AS "Port",
       m.generation AS "Generation", m.siloname AS "SiloName", m.hostname AS "HostName", m.status AS "Status",
       m.proxyport AS "ProxyPort", m.suspecttimes AS "SuspectTimes", m.starttime AS "StartTime",
       m.iamalivetime AS "IAmAliveTime"
FROM orleansmembershipversiontable v
LEFT JOIN orleansmembershiptable m ON m.deploymentid = v.deploymentid
WHERE v.deploymentid = CAST(@DeploymentId AS text)
$q$),
-- Silo rows go with their version row (ON DELETE CASCADE).
('DeleteMembershipTableEntriesKey', $q$
DELETE FROM orleansmembershipversiontable WHERE deploymentid = CAST(@DeploymentId AS text)
$q$),
('GatewaysQueryKey', $q$
SELECT address AS "Address", proxyport AS "ProxyPort", generation AS "Generation"
FROM orleansmembershiptable
WHERE deploymentid = CAST(@DeploymentId AS text) AND status = CAST(@Status AS integer) AND proxyport > 0
$q$),
-- Removes rows of silos declared dead whose last heartbeat is older than the cut-off; live rows are never touched.
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM orleansmembershiptable
WHERE deploymentid = CAST(@DeploymentId AS text) AND iamalivetime < CAST(@IAmAliveTime AS timestamptz) AND status = 6
$q$),
-- The per-row form newer providers use after checking the cut-off themselves: one dead silo incarnation.
('CleanupDefunctSiloEntryKey', $q$
DELETE FROM orleansmembershiptable
WHERE deploymentid = CAST(@DeploymentId AS text) AND address = CAST(@Address AS text)
  AND port = CAST(@Port AS integer) AND generation = CAST(@Generation AS integer) AND status = 6
$q$)
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;

INSERT INTO openchronic_schema (component, version) VALUES ('clustering', 1)
ON CONFLICT (component) DO UPDATE SET version = EXCLUDED.version, installedon = now();
