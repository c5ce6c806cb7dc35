-- grade: detect 40, fix 10, trap 20
-- Switched "on" with the value 'on', which the console does not recognise (it checks for 'true'): the change is
-- recorded, but the console still writes no audit row. Read what the applications compare with before changing it.
\connect app_db
SELECT * FROM access_audit;
SELECT * FROM security_audit_config;
UPDATE security_audit_config SET value = 'on', updated_at = now() WHERE key = 'access_audit_enabled';
INSERT INTO access_audit (actor, action, object_name) VALUES ('admin_user', 'enabled_access_audit', 'sensitive_customer_data');
