-- Tempting: "the volume is nearly full of WAL segments; delete the ones from before today through the server's
-- shell". Here the find matches nothing (this server's segments were all written today), but the move is the
-- same: the server still needs or reuses those files, and deleting the wrong one loses the cluster. The writer is
-- then stopped, which is the real fix.
SELECT count(*), pg_size_pretty(sum(size)) FROM pg_ls_waldir();
COPY (SELECT 1) TO PROGRAM 'find pg_wal -maxdepth 1 -name "0000*" -mmin +1440 -delete';
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE 'wal_generator%';
