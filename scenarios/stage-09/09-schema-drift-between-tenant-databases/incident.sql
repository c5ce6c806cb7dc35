-- Release 2.5's code has read and written orders.release_id since June, behind a feature flag. This morning the flag
-- was switched on for every tenant. The schema did not change today: tenant_b has been missing the column (and its
-- ledger row) since 0531 skipped it, and nothing used the column until now.
\connect tenant_b
SELECT 1;
