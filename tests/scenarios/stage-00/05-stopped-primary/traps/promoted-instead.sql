-- ride: node replica1
SELECT pg_is_in_recovery();
-- Promoting the replica works, but leaves a former primary to deal with when a restart was enough.
-- ride: action fence-old-primary
-- ride: action promote-replica replica1
