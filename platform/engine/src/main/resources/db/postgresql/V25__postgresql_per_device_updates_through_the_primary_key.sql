-- PostgreSQL only (the production database); HSQLDB runs db/hsqldb. Versions are shared with db/migration.
--
-- After five executions of a prepared statement on a connection, PostgreSQL may switch to a generic plan, made
-- without the parameter values, and keeps it until the table's statistics change. A generic plan made while a table
-- is new (empty, not yet analysed) may read through any index whose leading column the statement names. Two indexes
-- were such candidates for updates made once per device, and each such update then read every row sharing that
-- leading value (PerRequestStatementPlansTest shows the plans):
--
-- 1. service_request_device_by_device (device_id, srv), for the event writer's
--    UPDATE ... WHERE request_id = ? AND device_id = ?: every Service Request the device ever had, read for each state
--    change (about 50 rows per device after one minute of the HTTP benchmark, and growing with the history kept).
--    The index is read for one question only, which devices have an SRV 11.4 (Update Device Firmware) in progress
--    (ServiceRequestStore.firmwareUpdateInProgress, CampaignEligibility); both queries name srv = '11.4'. A partial
--    index of the SRV 11.4 rows answers them, cannot serve a statement that does not name srv = '11.4', and leaves
--    every other Service Request one index entry fewer to write.
-- 2. campaign_device_by_wave (campaign_id, wave), for a campaign device's move and an ineligible device's skip
--    (... WHERE campaign_id = ? AND device_id = ?): every device of the campaign, read for each device. Led by wave,
--    the index still serves the reads of one wave (campaign_id and wave both named) and no longer those of one device.

DROP INDEX service_request_device_by_device;
CREATE INDEX service_request_device_by_device ON service_request_device (device_id) WHERE srv = '11.4';

DROP INDEX campaign_device_by_wave;
CREATE INDEX campaign_device_by_wave ON campaign_device (wave, campaign_id);
