-- Everything pg_stat_activity shows, then a guard before the shedding: a connection limit on the inventory
-- service's role (its pools need 8, the cap leaves room for a surge), so its pools can never grow back to 68.
-- Then every inventory_app session ends; the pools reopen their minimum under the cap.
SELECT * FROM pg_stat_activity WHERE backend_type = 'client backend' ORDER BY application_name, state;
SELECT current_setting('max_connections');
ALTER ROLE inventory_app CONNECTION LIMIT 16;
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'inventory_app';
