-- Tempting: vacuum "the tenant's orders" without checking which database psql is connected to.
\connect tenant_a
VACUUM ANALYZE orders;
