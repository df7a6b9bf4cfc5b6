-- A Service Request's device changes state several times while the DSP carries it (ACCEPTED, SENT,
-- DELIVERED_TO_HUB, COMPLETED). service_request_device_by_device held the state, so on PostgreSQL none of these
-- updates could stay on its page without writing the table's indexes again (a heap-only tuple needs no indexed
-- column changed; see V18). The index is read by device and SRV (SRV 11.4 updates in progress for a device), and the
-- few rows of one device are filtered by state after the lookup. Portable SQL: HSQLDB and PostgreSQL.

DROP INDEX service_request_device_by_device;
CREATE INDEX service_request_device_by_device ON service_request_device (device_id, srv);
