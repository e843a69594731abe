-- recorded-call: the RECORDED_CALL table for H2 2.x.
-- The library runs this at start-up (every statement is IF NOT EXISTS or IF EXISTS, and none
-- touches a row) unless recordedcall.schema.create=false; a DBA may run it by hand instead.
-- Statements end with a semicolon at the end of a line.
-- Long texts are CHARACTER VARYING (up to a billion characters, kept in the row): H2 stores a CLOB
-- longer than 256 bytes apart from its row, which for bodies of 1.5 KB cost the writer more than
-- twice the CPU per call. A table an earlier release made keeps its CLOB columns.
CREATE TABLE IF NOT EXISTS RECORDED_CALL (
    id                      VARCHAR(36) NOT NULL PRIMARY KEY,
    correlation_id          VARCHAR(128),
    trace_id                VARCHAR(32),
    kind                    VARCHAR(16) NOT NULL,
    operation               VARCHAR(255),
    http_method             VARCHAR(16),
    path                    VARCHAR(4000),
    route                   VARCHAR(1024),
    query                   VARCHAR(4000),
    request_headers         CHARACTER VARYING,
    request_body            CHARACTER VARYING,
    request_body_truncated  BOOLEAN NOT NULL,
    resource_class          VARCHAR(255),
    resource_method         VARCHAR(255),
    arguments               CHARACTER VARYING,
    result                  CHARACTER VARYING,
    status                  INTEGER,
    response_headers        CHARACTER VARYING,
    response_body           CHARACTER VARYING,
    response_body_truncated BOOLEAN NOT NULL,
    exception_type          VARCHAR(255),
    exception_message       VARCHAR(4000),
    stack_trace             CHARACTER VARYING,
    principal               VARCHAR(255),
    client_address          VARCHAR(64),
    user_agent              VARCHAR(1024),
    started_at              TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    ended_at                TIMESTAMP(6) WITH TIME ZONE,
    duration_nanos          BIGINT,
    outcome                 VARCHAR(16),
    attributes              CHARACTER VARYING,
    span_id                 VARCHAR(16)
);
-- Upgrades of a table an earlier release created: additive only, each a no-op where done.
-- 2026-11-30: the business attributes of a call (CurrentCall.attribute), a JSON object.
ALTER TABLE RECORDED_CALL ADD COLUMN IF NOT EXISTS attributes CHARACTER VARYING;
-- 2026-11-30: the OpenTelemetry server span a call belongs to.
ALTER TABLE RECORDED_CALL ADD COLUMN IF NOT EXISTS span_id VARCHAR(16);
-- The indexes. H2 reads an index in its own order only, never backwards, and sorts every matching
-- row for an ORDER BY that is not exactly an index's columns and directions. So the orders in time
-- the query API pages in have an index each: newest first, oldest first (the purge's order too).
-- Filters on the route, the status, the outcome, the correlation id and the rest walk the
-- newest-first index until a page is full (a correlation id's page, of one call, never fills: it
-- reads the table, or the query's window). Every index costs every insert, one whose keys grow with
-- time the least: each insert lands at its end. None has keys that land anywhere (below).
CREATE INDEX IF NOT EXISTS RECORDED_CALL_NEWEST ON RECORDED_CALL (started_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS RECORDED_CALL_OLDEST ON RECORDED_CALL (started_at, id);
-- 2026-12-01: the indexes earlier releases made on H2, which it could not page with (it sorted the
-- whole table for each page), replaced by those above. Rows are not touched.
DROP INDEX IF EXISTS RECORDED_CALL_STARTED_AT;
DROP INDEX IF EXISTS RECORDED_CALL_STATUS;
DROP INDEX IF EXISTS RECORDED_CALL_OUTCOME;
DROP INDEX IF EXISTS RECORDED_CALL_ROUTE;
DROP INDEX IF EXISTS RECORDED_CALL_DURATION;
-- 2026-12-01: the slowest-first index, made by the builds of that day before this line: its keys
-- land anywhere in it, and H2 rewrote a page of it for nearly every insert, 35-45 microseconds of
-- the server's CPU per recorded call, a third of what recording cost on H2, to serve one query:
-- slowest first with no time window. On a million calls, slowest first within a day or a week (the
-- dashboard's) read the window's rows and sorted them, index or not. It is now always sorted.
DROP INDEX IF EXISTS RECORDED_CALL_SLOWEST;
-- 2026-12-01: the correlation ids' index, for the same reason: where clients send their own random
-- X-Request-Id (as many gateways do), its keys land anywhere in it, and it cost each recorded call
-- 45-56 microseconds more of the server's CPU. A lookup by correlation id now reads the table, or
-- only its window when the query gives one (from, to).
DROP INDEX IF EXISTS RECORDED_CALL_CORRELATION;
