-- The hog holds every connection slot the applications may use from the start; nothing else happens.
SELECT 1;
