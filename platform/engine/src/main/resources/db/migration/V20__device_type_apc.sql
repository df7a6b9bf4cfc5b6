-- The Auxiliary Proportional Controller (APC), target of SRV 6.14.3 Update Device Configuration (Auxiliary
-- Controller Scheduler), GBCS ECS46d (DUIS, Service Request matrix), is a device type of the SMI.
-- Portable SQL: HSQLDB and PostgreSQL.

ALTER TABLE device DROP CONSTRAINT device_type_known;
ALTER TABLE device ADD CONSTRAINT device_type_known
    CHECK (device_type IN ('ESME', 'GSME', 'GPF', 'CHF', 'IHD', 'CAD', 'PPMID', 'HCALCS', 'APC'));
