-- Tempting: "the writers keep timing out on locks, let them wait instead".
ALTER ROLE app_user SET lock_timeout = 0;
