-- Tempting: "the pooler is wedged, bounce it". Stopping PgBouncer drops every client, the healthy order worker too,
-- and nothing here starts it again: every pooled application is now down, not only checkout.
-- ride: node pooler1
SHOW POOLS;
-- ride: action stop-node pooler1
