-- Tempting: "the fulfilment deploy broke checkout, kick the whole service off and let it reconnect".
-- The healthy fulfilment connection goes down with the stuck one, and so does its in-flight work.
SELECT pg_terminate_backend(pid)
FROM pg_stat_activity
WHERE application_name = 'fulfillment_worker';
