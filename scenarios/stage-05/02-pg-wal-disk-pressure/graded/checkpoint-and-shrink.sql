-- grade: detect 40, fix 0, trap 14
-- A good diagnosis (pg_wal measured, the benchmark found in pg_stat_statements) followed by the wrong lever: a forced
-- checkpoint and a smaller max_wal_size to make pg_wal shrink. The benchmark keeps writing (no Fix), and the
-- settings change is its own trap.
SELECT count(*), pg_size_pretty(sum(size)) FROM pg_ls_waldir();
SELECT left(query, 60), calls, pg_size_pretty(wal_bytes) FROM pg_stat_statements ORDER BY wal_bytes DESC LIMIT 3;
CHECKPOINT;
ALTER SYSTEM SET max_wal_size = '128MB';
SELECT pg_reload_conf();
