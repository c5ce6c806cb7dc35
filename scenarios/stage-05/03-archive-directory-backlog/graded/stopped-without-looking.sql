-- grade: detect 0, fix 40, trap 20
-- "The data team's backfill" from the briefing, ended straight away. Right, and nothing was measured: nobody
-- confirmed it was the backfill writing the WAL, or that archiving itself was healthy.
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'events_backfill';
