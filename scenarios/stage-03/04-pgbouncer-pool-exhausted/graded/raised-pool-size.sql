-- grade: detect 40, fix 20, trap 20
-- A sound diagnosis on the console, then the symptom treated at the right layer: the pool is made bigger so
-- checkout gets a server connection, but pool_holder's four idle sessions still pin theirs. Nothing dangerous was
-- done; the cause is left in place, and the next idle client fills the bigger pool too.
-- ride: node pooler1
SHOW POOLS;
SHOW CLIENTS;
SHOW CONFIG;
SET default_pool_size = 12;
