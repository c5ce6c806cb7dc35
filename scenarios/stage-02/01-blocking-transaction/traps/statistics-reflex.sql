-- Tempting: "the planner must have bad statistics".
\connect app_db
ANALYZE products;
ANALYZE orders;
