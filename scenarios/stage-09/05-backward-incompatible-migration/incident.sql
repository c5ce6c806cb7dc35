-- Release 2.0's migration: the "contract" step ran while version 1.8 was still serving traffic.
\connect app_db
ALTER TABLE orders DROP COLUMN legacy_status;
