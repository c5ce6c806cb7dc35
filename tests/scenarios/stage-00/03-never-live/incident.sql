-- The smoke test has no incident.
SELECT 1;
