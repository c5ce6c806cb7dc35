-- Last night the legacy payment provider captured its whole backlog, and the settlement job marked every
-- authorized order paid: 86 % of orders change status in one UPDATE. autovacuum is off for orders, so no
-- autoanalyze follows, and the planner keeps believing that paid orders are one in a thousand.
\connect app_db
UPDATE orders SET status = 'paid' WHERE status = 'authorized';
