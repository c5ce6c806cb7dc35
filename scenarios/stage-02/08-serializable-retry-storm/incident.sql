-- Release 7.1 "closes the overdraft race" by making every transaction of the payments role SERIALIZABLE. The
-- payment and refund workers open a connection per request, so every request from now on runs at SERIALIZABLE.
-- Every payment credits the same settlement account (1) and every refund debits it, and each transfer holds its
-- first row for the fraud check (about 30 ms) before it touches the second, so concurrent transfers keep
-- updating the settlement row after each other's snapshots: the later one fails with 40001, and the workers
-- retry it at once. transfer() itself does not change.
ALTER ROLE payments SET default_transaction_isolation = 'serializable';
