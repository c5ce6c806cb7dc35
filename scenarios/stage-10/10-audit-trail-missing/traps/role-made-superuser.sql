-- Tempting: "the console cannot write its audit rows, give it every right". It was never a permission problem,
-- and a superuser application role bypasses every control the platform has.
\connect app_db
UPDATE security_audit_config SET value = 'true', updated_at = now() WHERE key = 'access_audit_enabled';
INSERT INTO access_audit (actor, action, object_name) VALUES ('admin_user', 'enabled_access_audit', 'sensitive_customer_data');
ALTER ROLE app_user SUPERUSER;
