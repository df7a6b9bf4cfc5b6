-- Why only on PostgreSQL: several secflow processes may share one PostgreSQL database, and each keeps devices of the
-- Smart Metering Inventory in memory (org.secflow.inventory.SmiReadModel). A committed change of a device, its
-- premises or its Communications Hub is announced on the channel secflow_smi, so that every process forgets what it
-- kept (org.secflow.inventory.SmiChangeListener). PostgreSQL delivers a NOTIFY when its transaction commits, and never
-- for one rolled back. The embedded HSQLDB admits one process, which sees its own writes.
--
-- The payload is up to 300 Device IDs separated by commas (23 characters each: within NOTIFY's 8,000 bytes), or '*'
-- for "any device". Inserting a device announces nothing: a device not in the SMI is never kept.

CREATE FUNCTION secflow_smi_devices_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ids text;
BEGIN
    FOR ids IN
        SELECT string_agg(device_id, ',')
          FROM (SELECT device_id, (row_number() OVER () - 1) / 300 AS chunk FROM changed_devices) c
         GROUP BY chunk
    LOOP
        PERFORM pg_notify('secflow_smi', ids);
    END LOOP;
    RETURN NULL;
END
$$;

-- a transition table admits one event per trigger: one trigger for UPDATE, one for DELETE
CREATE TRIGGER device_updated_notify AFTER UPDATE ON device
    REFERENCING OLD TABLE AS changed_devices FOR EACH STATEMENT EXECUTE FUNCTION secflow_smi_devices_changed();
CREATE TRIGGER device_deleted_notify AFTER DELETE ON device
    REFERENCING OLD TABLE AS changed_devices FOR EACH STATEMENT EXECUTE FUNCTION secflow_smi_devices_changed();

-- premises and hubs are only ever inserted by secflow; any other change of them (an operator's SQL) reaches every
-- device kept
CREATE FUNCTION secflow_smi_all_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('secflow_smi', '*');
    RETURN NULL;
END
$$;

CREATE TRIGGER device_truncated_notify AFTER TRUNCATE ON device
    FOR EACH STATEMENT EXECUTE FUNCTION secflow_smi_all_changed();
CREATE TRIGGER premises_changed_notify AFTER UPDATE OR DELETE OR TRUNCATE ON premises
    FOR EACH STATEMENT EXECUTE FUNCTION secflow_smi_all_changed();
CREATE TRIGGER comms_hub_changed_notify AFTER UPDATE OR DELETE OR TRUNCATE ON comms_hub
    FOR EACH STATEMENT EXECUTE FUNCTION secflow_smi_all_changed();
