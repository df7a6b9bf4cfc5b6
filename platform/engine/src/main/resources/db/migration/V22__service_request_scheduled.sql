-- Service Requests of future-dated SRVs waiting at the DSP for their Execution Date Time (DCC User Interface
-- Specification, future-dated Service Requests): one row per device from acceptance until the DSP's first event for
-- it. The DSP holds the waiting command in memory; when serve starts it hands the rows of its own node to the DSP
-- again, so a restart or a crash loses none.
-- node: the secflow process that handed the request to the DSP (the id kept in <data>/node-id), so that of two
-- processes sharing a PostgreSQL database only that one hands it over again.
CREATE TABLE service_request_scheduled (
    request_id            VARCHAR(36)    NOT NULL REFERENCES service_request (request_id),
    device_id             VARCHAR(23)    NOT NULL,
    node                  VARCHAR(36)    NOT NULL,
    execute_at            TIMESTAMP      NOT NULL,
    parameters            VARCHAR(16000) NOT NULL,
    firmware_image_sha256 VARCHAR(64),
    PRIMARY KEY (request_id, device_id)
);
CREATE INDEX service_request_scheduled_by_node ON service_request_scheduled (node, execute_at);
