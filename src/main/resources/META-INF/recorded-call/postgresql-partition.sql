-- recorded-call: turns an unpartitioned RECORDED_CALL on PostgreSQL 12 or later into the form that
-- recordedcall.schema.partitions uses, keeping every row and copying none:
--   * the table is renamed RECORDED_CALL_UNPARTITIONED (its indexes likewise) and becomes one
--     partition of a new RECORDED_CALL partitioned by started_at, holding every call up to the
--     end of today (UTC) or of the day of its newest call, whichever is later;
--   * a default partition, RECORDED_CALL_DEFAULT, takes any call no partition holds;
--   * both new tables get the old table's owner and grants: the library makes and drops
--     partitions as the owner, so the applications' database user should own the table;
--   * the library then makes the daily or hourly partitions ahead, and the purge by age drops
--     the old partition whole once all of it is older than the age.
-- It runs in one transaction, in the schema first on the search path; it refuses a table that
-- is partitioned already, and changes nothing then. Run it as the table's owner (or a superuser).
-- It holds the table's lock while PostgreSQL builds one index, (id, started_at), on the old rows
-- and reads them once to check their range: on a large table, minutes; the applications'
-- writers wait meanwhile (their calls are kept in memory, up to recordedcall.writer.queue-capacity).
-- Then run postgresql.sql, which puts the shipped indexes on the partitioned table (the old
-- table's are taken over, not built again), or let the library do so at start-up. With psql:
--   psql -v ON_ERROR_STOP=1 -f postgresql-partition.sql -f postgresql.sql
-- and set recordedcall.schema.partitions=daily (or hourly) before the applications restart.
BEGIN;
DO $$
DECLARE
    old_index RECORD;
    grant_row RECORD;
    owner_name NAME;
    upper_bound TIMESTAMPTZ;
BEGIN
    IF to_regclass('recorded_call') IS NULL THEN
        RAISE EXCEPTION 'recorded-call: there is no table RECORDED_CALL in schema %', current_schema();
    END IF;
    IF (SELECT relkind FROM pg_class WHERE oid = to_regclass('recorded_call')) = 'p' THEN
        RAISE EXCEPTION 'recorded-call: RECORDED_CALL in schema % is partitioned already', current_schema();
    END IF;
    ALTER TABLE recorded_call RENAME TO recorded_call_unpartitioned;
    -- index names are the schema's: the partitioned table's indexes take the shipped names
    FOR old_index IN SELECT c.relname AS name, k.conname AS key_name
            FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
            LEFT JOIN pg_constraint k ON k.conindid = i.indexrelid AND k.contype = 'p'
            WHERE i.indrelid = 'recorded_call_unpartitioned'::regclass LOOP
        IF old_index.key_name IS NOT NULL THEN
            -- the key becomes (id, started_at), as PostgreSQL requires of a partitioned table
            EXECUTE format('ALTER TABLE recorded_call_unpartitioned DROP CONSTRAINT %I', old_index.key_name);
        ELSE
            EXECUTE format('ALTER INDEX %I RENAME TO %I', old_index.name, left(old_index.name, 48) || '_unpartitioned');
        END IF;
    END LOOP;
    CREATE TABLE recorded_call (LIKE recorded_call_unpartitioned INCLUDING DEFAULTS,
                                PRIMARY KEY (id, started_at)) PARTITION BY RANGE (started_at);
    CREATE TABLE recorded_call_default PARTITION OF recorded_call DEFAULT;
    -- the old table's owner and grants, on the new tables
    SELECT pg_get_userbyid(relowner) INTO owner_name FROM pg_class WHERE oid = 'recorded_call_unpartitioned'::regclass;
    EXECUTE format('ALTER TABLE recorded_call OWNER TO %I', owner_name);
    EXECUTE format('ALTER TABLE recorded_call_default OWNER TO %I', owner_name);
    FOR grant_row IN SELECT a.privilege_type, CASE WHEN a.grantee = 0 THEN 'PUBLIC'
                                                   ELSE quote_ident(pg_get_userbyid(a.grantee)) END AS grantee
            FROM pg_class c, aclexplode(c.relacl) a
            WHERE c.oid = 'recorded_call_unpartitioned'::regclass AND a.grantee <> c.relowner LOOP
        EXECUTE format('GRANT %s ON recorded_call, recorded_call_default TO %s', grant_row.privilege_type,
                       grant_row.grantee);
    END LOOP;
    SELECT (date_trunc('day', greatest(now(), max(started_at)) AT TIME ZONE 'UTC') + interval '1 day')
               AT TIME ZONE 'UTC'
        INTO upper_bound FROM recorded_call_unpartitioned;
    -- the bound written in UTC, whatever the session's time zone and date style
    EXECUTE format('ALTER TABLE recorded_call ATTACH PARTITION recorded_call_unpartitioned '
                   'FOR VALUES FROM (MINVALUE) TO (%L)',
                   to_char(upper_bound AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') || '+00');
END
$$;
COMMIT;
