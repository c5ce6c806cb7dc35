-- Tempting: "the new primary will take the whole load now; give orders the index it never had".
-- The failover is done and validated in both databases, and then an index is built on a table the
-- writers just got back, for a problem nobody had.
-- ride: node replica1
SELECT pg_is_in_recovery(), pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn();
-- ride: action promote-replica replica1
-- ride: node replica1
\connect app_db
SELECT marker FROM failover_markers ORDER BY id DESC LIMIT 1;
\connect billing_db
SELECT marker FROM failover_markers ORDER BY id DESC LIMIT 1;
\connect app_db
CREATE INDEX orders_customer_id_idx ON orders (customer_id);
