\connect app_db

-- The audit trail holds nothing at all, while the console reads personal data all day.
SELECT count(*) AS audit_rows, max(at) AS newest FROM access_audit;
SELECT relname, seq_scan, idx_scan, n_tup_ins FROM pg_stat_user_tables
WHERE relname IN ('access_audit', 'sensitive_customer_data');

-- The switch the applications read, when it last changed, and the rule that comes with it.
SELECT key, value, updated_at FROM security_audit_config ORDER BY key;
SELECT obj_description('public.security_audit_config'::regclass, 'pg_class') AS rule;

-- Switch auditing back on and record the change in the audit trail itself, in one transaction.
BEGIN;
UPDATE security_audit_config SET value = 'true', updated_at = now() WHERE key = 'access_audit_enabled';
INSERT INTO access_audit (actor, action, object_name, detail)
VALUES ('admin_user', 'enabled_access_audit', 'sensitive_customer_data',
        'access_audit_enabled found false after the nightly staging sync; set to true');
COMMIT;

-- The console's next lookups are recorded again.
SELECT actor, action, object_name, at FROM access_audit ORDER BY id DESC LIMIT 5;
