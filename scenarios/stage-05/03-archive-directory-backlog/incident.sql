-- The archive staging area at the start of the incident. The archive directory (/ride/archive, 512 MB, see
-- archiveSizeMb) lives as long as the server, so it is emptied here and the archiver's counters reset: every Start
-- and every Reset begins from the same state.
COPY (SELECT 1) TO PROGRAM 'rm -f /ride/archive/*';
SELECT pg_stat_reset_shared('archiver');

-- The data team's backfill (the backfill actor, application_name events_backfill) started an hour ago and has
-- been filling the staging area since; the hourly offload to object storage has not run yet. That hour is stood in
-- for by 12 WAL segment switches: the archiver copies 12 real 16 MB segments (192 MB) into the staging area, with
-- no failure, in a second or two. From here the backfill, starting right after this script, adds a segment about
-- every half minute.
DO $$
BEGIN
    FOR i IN 1..12 LOOP
        -- A WAL switch needs a WAL record since the last one; a non-transactional logical message is the smallest.
        PERFORM pg_logical_emit_message(false, 'wal-history', '');
        PERFORM pg_switch_wal();
    END LOOP;
END
$$;
