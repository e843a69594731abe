-- recorded-call: turns an unpartitioned RECORDED_CALL on PostgreSQL 12 or later into the form that
-- recordedcall.schema.partitions uses, keeping every row and copying none:
--   * the table is renamed RECORDED_CALL_UNPARTITIONED (its indexes likewise) and becomes one
--     partition of a new RECORDED_CALL partitioned by started_at, holding every call up to the
--     end of today (UTC) or of the day of its newest call, whichever is later;
--   * a default partition, RECORDED_CALL_DEFAULT, takes any call no partition holds;
--   * the library then makes the daily or hourly partitions ahead, and the purge by age drops
--     the old partition whole once all of it is older than the age.
-- It runs in one transaction. It holds the table's lock while PostgreSQL builds one index,
-- (id, started_at), on the old rows and reads them once to check their range: on a large table,
-- minutes; the applications' writers wait meanwhile (their calls are kept in memory, up to
-- recordedcall.writer.queue-capacity). Then run postgresql.sql, which puts the shipped indexes
-- on the partitioned table (the old table's are taken over, not built again), or let the
-- library do so at start-up. With psql:
--   psql -v ON_ERROR_STOP=1 -f postgresql-partition.sql -f postgresql.sql
-- and set recordedcall.schema.partitions=daily (or hourly) before the applications restart.
BEGIN;
ALTER TABLE RECORDED_CALL RENAME TO RECORDED_CALL_UNPARTITIONED;
DO $$
DECLARE
    old_index RECORD;
    upper_bound TIMESTAMPTZ;
BEGIN
    -- index names are the schema's: the partitioned table's indexes take the shipped names
    FOR old_index IN SELECT i.indexrelid::regclass::text AS name, c.conname AS constraint_name
            FROM pg_index i LEFT JOIN pg_constraint c ON c.conindid = i.indexrelid AND c.contype = 'p'
            WHERE i.indrelid = 'recorded_call_unpartitioned'::regclass LOOP
        IF old_index.constraint_name IS NOT NULL THEN
            -- the key becomes (id, started_at), as PostgreSQL requires of a partitioned table
            EXECUTE format('ALTER TABLE recorded_call_unpartitioned DROP CONSTRAINT %I', old_index.constraint_name);
        ELSE
            EXECUTE format('ALTER INDEX %s RENAME TO %I', old_index.name,
                           left(lower(old_index.name), 48) || '_unpartitioned');
        END IF;
    END LOOP;
    CREATE TABLE recorded_call (LIKE recorded_call_unpartitioned INCLUDING DEFAULTS,
                                PRIMARY KEY (id, started_at)) PARTITION BY RANGE (started_at);
    CREATE TABLE recorded_call_default PARTITION OF recorded_call DEFAULT;
    SELECT (date_trunc('day', greatest(now(), max(started_at)) AT TIME ZONE 'UTC') + interval '1 day')
               AT TIME ZONE 'UTC'
        INTO upper_bound FROM recorded_call_unpartitioned;
    EXECUTE format('ALTER TABLE recorded_call ATTACH PARTITION recorded_call_unpartitioned '
                   'FOR VALUES FROM (MINVALUE) TO (%L)', upper_bound);
END
$$;
COMMIT;
