-- Overnight, merchant 777 (a large wholesaler moving over from another platform) had its two years of history
-- imported: 60,000 orders in one batch. This morning its accounts went live. Its mobile app pages through orders
-- with a cursor (the v2 API), and its bookkeeping partner syncs through the v1 API, which pages by number (OFFSET)
-- and shows "page X of Y" (a count). Both actors connect as usual; only merchant 777's data is new.
\connect app_db
INSERT INTO orders (id, tenant_id, customer_id, status, total_cents, created_at)
SELECT 150000 + g,
       777,
       (g * 104729) % 50000 + 1,
       (ARRAY['paid', 'shipped', 'delivered', 'refunded'])[1 + (g * 37) % 4],
       (g * 53) % 50000 + 100,
       timestamptz '2025-01-01 00:00:00+00' + g * interval '17 minutes'
FROM generate_series(1, 60000::bigint) AS g;
-- The import job finished with an ANALYZE, so the statistics know the new merchant. A target of 1000 makes ANALYZE
-- read every row (300,000 sampled rows > 210,000), so the statistics, and the plans built on them, are the same on
-- every run. Only this session uses it.
SET default_statistics_target = 1000;
ANALYZE orders;
RESET default_statistics_target;
