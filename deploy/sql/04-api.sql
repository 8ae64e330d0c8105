-- Open Chronic: the agency API's audit log in cluster mode (every silo serving the API appends here). Idempotent.
-- One hash chain per log (the cluster's service id): each entry carries the SHA-256 of the previous one, so an edited,
-- removed or reordered row is detectable; and the table is append-only: UPDATE, DELETE and TRUNCATE are refused by
-- triggers, whoever the user (REVOKE alone would not bind the table's owner).

CREATE TABLE IF NOT EXISTS openchronic_api_audit
(
    log            varchar(150)     NOT NULL,
    sequence       bigint           NOT NULL,
    time           timestamptz      NOT NULL,
    key_id         text             NULL,
    role           text             NULL,
    method         text             NOT NULL,
    path           text             NOT NULL,
    status         integer          NOT NULL,
    outcome        text             NOT NULL,
    budget_spent   double precision NOT NULL,
    response_bytes bigint           NOT NULL,
    previous_hash  char(64)         NOT NULL,
    hash           char(64)         NOT NULL,
    PRIMARY KEY (log, sequence)
);

CREATE OR REPLACE FUNCTION openchronic_api_audit_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'openchronic_api_audit is append-only: % refused', TG_OP;
END
$$;

DROP TRIGGER IF EXISTS openchronic_api_audit_no_change ON openchronic_api_audit;
CREATE TRIGGER openchronic_api_audit_no_change BEFORE UPDATE OR DELETE ON openchronic_api_audit
    FOR EACH ROW EXECUTE FUNCTION openchronic_api_audit_append_only();

DROP TRIGGER IF EXISTS openchronic_api_audit_no_truncate ON openchronic_api_audit;
CREATE TRIGGER openchronic_api_audit_no_truncate BEFORE TRUNCATE ON openchronic_api_audit
    FOR EACH STATEMENT EXECUTE FUNCTION openchronic_api_audit_append_only();

INSERT INTO openchronic_schema (component, version) VALUES ('api', 1)
ON CONFLICT (component) DO UPDATE SET version = EXCLUDED.version, installedon = now();
