-- The BI team's new nightly loader ran for the first time. It snapshots the price list, net of VAT, for the
-- finance dashboard, and with its default search_path the snapshot landed in schema public, which anyone may
-- write to. It is readable by everyone so that the dashboard users can see it. From now on app_user's
-- unqualified "products" resolves to public.products: the catalog pages fail (the snapshot has no "active"
-- column) and checkout prices its orders from the snapshot.
\connect app_db
SET ROLE bi_loader;
CREATE TABLE products AS
SELECT id, name, (price_cents * 100 / 120)::integer AS price_cents, date '2026-12-03' AS snapshot_date
FROM app.products;
ALTER TABLE products ADD PRIMARY KEY (id);
GRANT SELECT ON products TO PUBLIC;
RESET ROLE;
ANALYZE public.products;
