-- The retention job's first run against tenant_b. It refreshes the statistics to size its work,
-- then deletes every closed order in one statement. Two thirds of the rows become dead tuples,
-- and nothing vacuums or analyzes the table afterwards.
\connect tenant_b
ANALYZE orders;
DELETE FROM orders WHERE status = 'closed';
