-- Tempting: vacuum "orders" from wherever the shell happens to be connected. tenant_a has an orders
-- table too, so this succeeds, and tenant_b is exactly as bloated as before.
\connect tenant_a
VACUUM ANALYZE orders;
