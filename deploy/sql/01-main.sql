-- Open Chronic: the query table that Orleans' ADO.NET providers read once at start.
-- Written for Open Chronic from the provider contract (query keys, parameter and result names); idempotent.
-- Requires PostgreSQL 12 or later. Tables live in the connection's default schema (Orleans has no schema option).

CREATE TABLE IF NOT EXISTS orleansquery
(
    querykey  varchar(64) NOT NULL PRIMARY KEY,
    querytext text        NOT NULL
);

-- Schema version of the Open Chronic deploy scripts, for operators.
CREATE TABLE IF NOT EXISTS openchronic_schema
(
    component   varchar(64) NOT NULL PRIMARY KEY,
    version     integer     NOT NULL,
    installedon timestamptz NOT NULL DEFAULT now()
);
