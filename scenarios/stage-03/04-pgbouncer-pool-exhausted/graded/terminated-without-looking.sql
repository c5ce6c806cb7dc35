-- grade: detect 0, fix 40, trap 20
-- The right sessions ended from memory ("it's always that warm-up tool"), with nothing looked at first: the fix
-- works and costs nothing, but there is no diagnosis to credit.
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'pool_holder';
