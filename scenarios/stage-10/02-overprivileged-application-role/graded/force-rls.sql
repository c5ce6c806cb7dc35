-- grade: detect 0, fix 0, trap 20
-- The policy is suspected and "hardened" with FORCE ROW LEVEL SECURITY. FORCE only binds the table's owner; a
-- superuser bypasses row-level security regardless, so the leak goes on and the role was never looked at.
\connect app_db
SELECT tablename, policyname, qual FROM pg_policies;
ALTER TABLE customer_notes FORCE ROW LEVEL SECURITY;
