-- The catalog's fix as written: a plain REINDEX INDEX. It holds a SHARE lock on orders (writes wait) and an
-- exclusive lock on the index (every query on orders waits, since planning opens all its indexes) for as long as
-- the rebuild takes, which at this size is a moment; on a larger table prefer CONCURRENTLY. Before it: the index
-- sizes in psql's own view, the table's statistics and the sessions that would wait.
\connect tenant_b
\di+
SELECT relname, n_live_tup, n_dead_tup, last_vacuum FROM pg_stat_user_tables;
SELECT application_name, state, wait_event_type FROM pg_stat_activity WHERE datname = 'tenant_b';
REINDEX INDEX idx_orders_external_id;
