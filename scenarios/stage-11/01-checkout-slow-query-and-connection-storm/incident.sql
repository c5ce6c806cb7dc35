-- Checkout 3.0 goes live: the checkout_api actor (startAfterIncident: true) now finds the shopper's open order in
-- orders by (user_id, status) newest first, and the index its follow-up migration was to add never shipped. Each
-- checkout is a full scan of orders. The payment gateway's client times out and retries through the checkout
-- retry layer, which opens a fresh direct connection per retry attempt and keeps it while it backs off: the
-- checkout_retry_1..3 actors (startAfterIncident, reconnect: false - a retry whose connection is ended gives up).
-- Nothing in the schema or the data changes here.
\connect app_db
SELECT 1;
