-- grade: detect 40, fix 25, trap 20
-- The right diagnosis and the right ALTER ROLE, but the grants app_user lacks were looked at and never given: the
-- leak stops, and the refunds page fails with "permission denied for table refunds" from the next request on
-- (apps-work-unprivileged).
\du app_user
\connect app_db
\dp refunds
ALTER ROLE app_user NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION;
