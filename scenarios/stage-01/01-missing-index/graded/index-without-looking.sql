-- grade: detect 0, fix 40, trap 20
-- The right index, built the right way, but nothing looked at first: a guess that happened to
-- be right earns the fix, not the diagnosis.
\connect app_db
CREATE INDEX CONCURRENTLY orders_user_status_created_idx ON orders (user_id, status, created_at);
