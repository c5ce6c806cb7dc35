-- Release 2.4's migration. The pipeline looped over the tenants but stopped reporting after the first one,
-- and the step was marked done: only tenant_a got the new column. The 2.4 application is already live everywhere.
\connect tenant_a
ALTER TABLE orders ADD COLUMN release_id text;
