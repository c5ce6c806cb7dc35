-- Tempting: "the query sorts by created_at, so lead with created_at". The planner cannot
-- use the leading column to find one customer's rows, so it keeps the Seq Scan and the
-- new index is dead weight that every checkout INSERT has to maintain.
\connect app_db
CREATE INDEX CONCURRENTLY orders_created_user_status_idx ON orders (created_at, user_id, status);
