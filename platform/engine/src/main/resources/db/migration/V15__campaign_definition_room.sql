-- A campaign naming its devices one by one (selection.deviceIds, at most 10,000) overflowed VARCHAR(8000) at
-- about 294 devices. 10,000 ids of up to 23 characters with quotes and commas fit in 300,000 characters.
-- SET DATA TYPE: standard SQL, accepted by HSQLDB and PostgreSQL.
ALTER TABLE firmware_campaign ALTER COLUMN definition_json SET DATA TYPE VARCHAR(400000);
