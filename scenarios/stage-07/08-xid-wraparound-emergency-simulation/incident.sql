-- Nothing breaks at this moment: the incident is the transaction age the seed gave tenant_b (scenario.yml's
-- transactionAge), which Reset's copy of the database carries too. This only guards that the age is really
-- there, so a seed without it fails loudly instead of starting a drill with nothing to find.
DO $$
DECLARE
    tenant_b_age bigint := (SELECT age(datfrozenxid) FROM pg_database WHERE datname = 'tenant_b');
BEGIN
    IF tenant_b_age < 1500000000 THEN
        RAISE EXCEPTION 'tenant_b is only % transactions old: the seed did not age it', tenant_b_age;
    END IF;
END
$$;
