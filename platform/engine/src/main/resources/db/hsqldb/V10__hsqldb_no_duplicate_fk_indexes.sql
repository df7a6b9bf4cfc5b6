-- HSQLDB only (the embedded default); PostgreSQL runs db/migration alone. Versions are shared with db/migration.
-- Issue 4, speed.
--
-- HSQLDB indexes the referencing columns of every foreign key by itself (SYS_FK_...), so device_by_hub and
-- device_by_premises were second copies of device.comms_hub_id and device.premises_id. HSQLDB writes an UPDATE
-- as a new row version in every index of the table, and in a CACHED table each step down an index is a cache lookup
-- under a lock: the copies made every SMI firmware-version update (CONFIRMED, BR5-BR7) walk two more indexes.
-- PostgreSQL does not index foreign keys by itself and keeps both.
DROP INDEX device_by_hub;
DROP INDEX device_by_premises;
