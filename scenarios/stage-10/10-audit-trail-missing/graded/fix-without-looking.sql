-- grade: detect 0, fix 40, trap 20
-- The catalog's two statements from memory: correct, but neither the audit table nor the switch was looked at first.
\connect app_db
UPDATE security_audit_config SET value = 'true' WHERE key = 'access_audit_enabled';
INSERT INTO access_audit (actor, action, object_name) VALUES ('admin_user', 'enabled_access_audit', 'sensitive_customer_data');
