SELECT count(*) FROM pg_stat_activity;
