-- grade: detect 20, fix 40, trap 14
-- pg_wal measured, then every session of app_db ended without asking which one writes: the benchmark is among them,
-- so the WAL stops and the shop reconnects, but the writer was never identified and the shop's sessions were
-- innocent.
SELECT count(*), pg_size_pretty(sum(size)) FROM pg_ls_waldir();
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'app_db' AND pid <> pg_backend_pid();
