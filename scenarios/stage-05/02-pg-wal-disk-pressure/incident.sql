-- 14:00: the platform team's WAL generator, a throughput benchmark meant for the staging cluster of the new backup
-- pipeline, is started against production by a runbook that still had production's host in it. Like pgbench -i,
-- its init step creates its own table and fills it; its writer (the wal_generator actor, startAfterIncident) then
-- rewrites 1,000 of those rows, about 2.3 MB of WAL, three times a second.
-- The rows are 1.8 kB and the table is filled half (fillfactor 50), so every rewrite is a HOT update on the same
-- page and the table itself stays the same size (about 20 MB): only WAL grows, and max_wal_size bounds that.
\connect app_db
SET ROLE loadtest;
CREATE TABLE walgen_rows (
    id         integer PRIMARY KEY,
    payload    text        NOT NULL,
    touched_at timestamptz NOT NULL DEFAULT now()
) WITH (fillfactor = 50);
INSERT INTO walgen_rows (id, payload)
SELECT g, repeat(md5(g::text), 56) FROM generate_series(1, 5000) AS g;
RESET ROLE;
