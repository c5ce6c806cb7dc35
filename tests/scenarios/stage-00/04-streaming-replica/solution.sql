\connect app_db
INSERT INTO items VALUES (4, 'fixed');
