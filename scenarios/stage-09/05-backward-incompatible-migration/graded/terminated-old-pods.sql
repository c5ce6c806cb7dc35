-- grade: detect 20, fix 0, trap 12
-- Sees that only the old version is failing and kicks its sessions off, never looking at the schema. The pool
-- reconnects and fails exactly as before (no Fix), the sessions were not at fault (terminated-old-app), and the
-- missing column was never found (half of Detect, for the sessions).
\connect app_db
SELECT pid, application_name, state, backend_start FROM pg_stat_activity WHERE datname = 'app_db';
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'old_app_v1.8';
