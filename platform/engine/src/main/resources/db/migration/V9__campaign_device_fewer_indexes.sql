-- Issue 4, speed. No query finds campaign devices by device id alone (the primary key leads with the campaign, and
-- the eligibility check's "update in progress elsewhere" reads by state across campaigns), yet every state change
-- of a device wrote this index again: HSQLDB writes each UPDATE as a new row version in every index of the table,
-- and PostgreSQL cannot make a heap-only update while an indexed column (state) changes.
DROP INDEX campaign_device_by_device;
