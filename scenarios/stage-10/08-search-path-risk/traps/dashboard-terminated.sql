-- Tempting: "the BI job caused this, kick everything of theirs off". The right repair, then the finance
-- dashboard's session ended: it did nothing wrong, and it reconnects to read the same snapshot.
SELECT setrole::regrole, setconfig FROM pg_db_role_setting;
\connect app_db
\dt *.products
ALTER ROLE app_user IN DATABASE app_db SET search_path = app, pg_catalog;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'bi_loader';
