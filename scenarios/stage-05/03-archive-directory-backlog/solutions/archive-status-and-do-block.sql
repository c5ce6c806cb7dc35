-- From the WAL side: the archiver's counters and pg_ls_archive_statusdir (what is done, what waits to be
-- archived), the WAL written per statement since the incident, then the backfill ended with a DO block that
-- terminates every session of it, one pid at a time, and reports how many.
SELECT archived_count, failed_count, last_archived_time FROM pg_stat_archiver;
SELECT count(*) FILTER (WHERE name LIKE '%.ready') AS waiting, count(*) FILTER (WHERE name LIKE '%.done') AS archived
FROM pg_ls_archive_statusdir();
SELECT userid::regrole AS role, pg_size_pretty(sum(wal_bytes)) AS wal FROM pg_stat_statements GROUP BY 1 ORDER BY sum(wal_bytes) DESC;
DO $$
DECLARE
    writer record;
    ended int := 0;
BEGIN
    FOR writer IN SELECT pid FROM pg_stat_activity WHERE application_name = 'events_backfill' LOOP
        IF pg_terminate_backend(writer.pid) THEN
            ended := ended + 1;
        END IF;
    END LOOP;
    RAISE NOTICE 'ended % backfill session(s)', ended;
END
$$;
