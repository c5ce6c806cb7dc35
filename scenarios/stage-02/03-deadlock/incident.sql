-- Ledger release 3.4 switches on treasury's new sweep: every few hundred milliseconds it moves unused money from
-- the payout clearing account (2) back to the operating account (1), while the payouts API keeps moving money
-- the other way, from 1 to 2. Both call transfer(from, to, amount), which locks the source row first. The sweep
-- is the treasury_sweep actor (startAfterIncident: true); it connects once this script has run. Nothing in the
-- schema or the data changes.
\connect ledger_db
SELECT 1;
