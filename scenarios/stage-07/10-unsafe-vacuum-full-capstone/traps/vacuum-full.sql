-- Tempting: "get the space back now". VACUUM FULL rewrites orders under an ACCESS EXCLUSIVE lock:
-- every read and write from tenant_b's shop and checkout queues behind it until it finishes.
\connect tenant_b
VACUUM FULL orders;
