-- Last night's configuration sync from staging, as every night since the move: it copies staging's audit switch
-- (off) over production's. Nothing breaks and nothing errors: the support console keeps reading personal data,
-- and no read is recorded.
\connect app_db
UPDATE security_audit_config SET value = 'false', updated_at = timestamptz '2026-12-03 02:00:00+00'
WHERE key = 'access_audit_enabled';
