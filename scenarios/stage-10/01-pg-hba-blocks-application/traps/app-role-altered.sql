-- Tempting: "the app's login is refused, so give the role more rights". A superuser is refused by a reject line
-- just the same; checkout stays down and the application now holds every privilege on the cluster.
SELECT rolname, rolsuper, rolcanlogin FROM pg_roles WHERE rolname = 'app_user';
ALTER ROLE app_user SUPERUSER;
