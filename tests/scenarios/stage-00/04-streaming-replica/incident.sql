-- Nothing breaks: the test only needs a live topology.
SELECT 1;
