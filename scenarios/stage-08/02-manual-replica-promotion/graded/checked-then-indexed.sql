-- grade: detect 30, fix 40, trap 0
-- A promotion after a look at the standby's state, validated in the order database only, followed by
-- an index "because the new primary carries all the load now". The failover works; billing_db is never
-- validated (its Detect look and the validation trap) and the index build costs the index trap.
-- ride: node replica1
SELECT pg_is_in_recovery(), pg_last_wal_replay_lsn();
-- ride: action promote-replica
\connect app_db
SELECT * FROM failover_markers ORDER BY id DESC LIMIT 1;
CREATE INDEX orders_created_at_idx ON orders (created_at);
