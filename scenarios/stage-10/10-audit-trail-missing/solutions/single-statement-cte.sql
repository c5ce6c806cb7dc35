-- The switch and its audit record in a single statement: the INSERT takes its values from what the UPDATE
-- returned, so the change cannot happen without its record (or the other way round).
\connect app_db
SELECT key, value, updated_at FROM security_audit_config;
SELECT count(*) FROM access_audit;
WITH switched AS (
    UPDATE security_audit_config SET value = 'true', updated_at = now()
    WHERE key = 'access_audit_enabled' AND value <> 'true'
    RETURNING key, value)
INSERT INTO access_audit (actor, action, object_name, detail)
SELECT 'admin_user', 'config_change', 'security_audit_config', key || ' set to ' || value FROM switched;
