-- The marketplace moved tenant_b to its v2 order ids, and the connector re-keyed every order: each external_id
-- gets a '-v2' suffix. Each new key sorts right next to the old one, so every leaf page of idx_orders_external_id
-- fills up and splits in half; then the maintenance job vacuumed, which removed the old keys from the index but
-- cannot give the emptied halves of the pages back. The table is clean; its external_id index is three times the
-- size a fresh build would have.
\connect tenant_b
UPDATE orders SET external_id = external_id || '-v2' WHERE external_id NOT LIKE '%-v2';
VACUUM ANALYZE orders;
