-- Tempting: "the primary is gone and we have a replica, that's what it's for". The failover works, but a
-- restart was enough: the old primary now has to be rebuilt and the cluster runs without a standby.
-- ride: node replica1
SELECT pg_is_in_recovery();
-- ride: action fence-old-primary
-- ride: action promote-replica replica1
