-- grade: detect 0, fix 40, trap 20
-- The right command from a guess ("the planner is confused, refresh its statistics"), with nothing looked at
-- first: the dashboard is fixed, the diagnosis earns nothing, and nobody learns that autovacuum is off.
\connect app_db
ANALYZE orders;
