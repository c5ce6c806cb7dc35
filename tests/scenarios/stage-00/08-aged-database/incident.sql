-- The age comes from the seed: nothing to do at the incident.
SELECT 1;
