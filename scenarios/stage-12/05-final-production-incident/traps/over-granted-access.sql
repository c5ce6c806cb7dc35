-- Tempting: "permission errors at 3 a.m.? make the app role a superuser and sort it out later".
ALTER ROLE app_user SUPERUSER;
