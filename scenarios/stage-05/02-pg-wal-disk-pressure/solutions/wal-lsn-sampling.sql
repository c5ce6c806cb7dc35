-- Measure the rate with two LSN samples, find the sessions by their user, and end them by user.
SELECT pg_current_wal_lsn() AS lsn_before \gset
SELECT pg_sleep(2);
SELECT pg_size_pretty(pg_wal_lsn_diff(pg_current_wal_lsn(), :'lsn_before') / 2) AS wal_per_second;

SELECT usename, application_name, count(*), max(left(query, 60)) AS query
FROM pg_stat_activity WHERE backend_type = 'client backend' GROUP BY 1, 2 ORDER BY 1, 2;

SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'loadtest';
