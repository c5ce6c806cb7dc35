-- A psql user's route: \dt+ and \d+ show every table's purpose and the AC-7 rule in security_audit_config's
-- comment; TABLE shows the contents. The change and its audit entry use the catalog's own wording, with the
-- actor taken from the session.
\connect app_db
\dt+
\d+ security_audit_config
TABLE security_audit_config;
TABLE access_audit;
UPDATE security_audit_config SET value = 'true', updated_at = now() WHERE key = 'access_audit_enabled';
INSERT INTO access_audit (actor, action, object_name) VALUES (current_user, 'enabled_access_audit', 'sensitive_customer_data');
