-- Tempting: "bloat means VACUUM". The table is already clean; VACUUM removes dead index entries but never gives
-- an index's pages back, so idx_orders_external_id stays as large as it was.
\connect tenant_b
VACUUM (ANALYZE) orders;
