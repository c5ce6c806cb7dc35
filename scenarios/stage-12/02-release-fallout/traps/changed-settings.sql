-- Tempting: "the webhook gives up after two seconds; let it wait longer". Its updates would then hang for as long
-- as any lock is held, and connections pile up instead of errors.
SELECT rolname, rolconfig FROM pg_roles WHERE rolname = 'app_user';
ALTER ROLE app_user SET lock_timeout = '60s';
