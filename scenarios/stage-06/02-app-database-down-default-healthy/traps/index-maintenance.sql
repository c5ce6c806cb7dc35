-- Tempting: reopen app_db, then "finish what the maintenance job started" (a plain REINDEX blocks the app's
-- writes on orders, in the middle of the business day, and fixes nothing).
ALTER DATABASE app_db WITH ALLOW_CONNECTIONS true CONNECTION LIMIT -1;
\connect app_db
REINDEX TABLE orders;
