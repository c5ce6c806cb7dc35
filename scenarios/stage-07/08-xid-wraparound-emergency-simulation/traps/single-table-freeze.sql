-- Tempting: the largest table is surely what holds the database back, so freeze just that one. Its own
-- relfrozenxid becomes young, but every other relation of tenant_b (orders, the system catalogs, the TOAST
-- tables) is still 1.5 billion transactions old, so datfrozenxid, and the alert, do not move.
\connect tenant_b
VACUUM (FREEZE, VERBOSE) order_events;
