-- The change made as the security team's own role, which owns the audit tables, so the audit row's default actor
-- (current_user) is admin_user; the table statistics show the console's reads and an audit table that never
-- received a row.
\connect app_db
SELECT relname, n_tup_ins, seq_scan + coalesce(idx_scan, 0) AS reads FROM pg_stat_user_tables ORDER BY relname;
SELECT * FROM security_audit_config;
SET ROLE admin_user;
BEGIN;
UPDATE security_audit_config SET value = 'true', updated_at = now() WHERE key = 'access_audit_enabled';
INSERT INTO access_audit (action, object_name, detail)
VALUES ('enabled_access_audit', 'sensitive_customer_data', 'off since the move to this cluster; staging sync to be fixed');
COMMIT;
RESET ROLE;
