-- Firmware campaigns (issue 4; seeds 000 and 001, MP170; DOMAIN.md sections 2-3).
-- The BPMN (bpmn/firmware-campaign.bpmn) orchestrates campaigns and waves; the state of every device lives here.
-- Portable SQL: runs on HSQLDB (embedded default) and PostgreSQL.

CREATE TABLE firmware_campaign (
    campaign_id          VARCHAR(36)  PRIMARY KEY,
    name                 VARCHAR(200) NOT NULL,
    image_sha256         VARCHAR(64)  NOT NULL,
    image_version        VARCHAR(32)  NOT NULL,
    image_model          VARCHAR(64)  NOT NULL,
    created_by           VARCHAR(64)  NOT NULL,
    created_party        VARCHAR(64)  NOT NULL,
    created_role         VARCHAR(4)   NOT NULL,
    approved_by          VARCHAR(64),
    state                VARCHAR(20)  NOT NULL,
    current_wave         INTEGER      DEFAULT 0 NOT NULL,
    wave_count           INTEGER      NOT NULL,
    definition_json      VARCHAR(8000) NOT NULL,
    pause_reason         VARCHAR(400),
    waiting_reason       VARCHAR(400),
    rules_version        VARCHAR(64),
    process_instance_id  VARCHAR(64),
    created_at           TIMESTAMP    NOT NULL,
    updated_at           TIMESTAMP    NOT NULL,
    CONSTRAINT campaign_state_known CHECK (state IN ('AWAITING_APPROVAL', 'CHECKING_ELIGIBILITY', 'RUNNING', 'PAUSED',
        'COMPLETED', 'CANCELLED'))
);

CREATE TABLE campaign_device (
    campaign_id      VARCHAR(36) NOT NULL REFERENCES firmware_campaign (campaign_id),
    device_id        VARCHAR(23) NOT NULL,
    comms_hub_id     VARCHAR(23),
    region           VARCHAR(8),
    alt_han_variant  VARCHAR(2),
    battery_powered  BOOLEAN     DEFAULT FALSE NOT NULL,
    from_version     VARCHAR(32),
    wave             INTEGER     DEFAULT 0 NOT NULL,
    state            VARCHAR(20) NOT NULL,
    reason           VARCHAR(400),
    attempts         INTEGER     DEFAULT 0 NOT NULL,
    not_before       TIMESTAMP,
    request_id       VARCHAR(64),
    sent_count       INTEGER     DEFAULT 0 NOT NULL,
    last_sent_at     TIMESTAMP,
    delivered_at     TIMESTAMP,
    updated_at       TIMESTAMP   NOT NULL,
    PRIMARY KEY (campaign_id, device_id),
    CONSTRAINT campaign_device_state_known CHECK (state IN ('PENDING', 'SCHEDULED', 'SENT', 'DELIVERED',
        'DELIVERY_FAILED', 'ACTIVATED', 'ACTIVATION_FAILED', 'CONFIRMED', 'TIMED_OUT', 'SKIPPED', 'CANCELLED'))
);
-- by wave, not by state: a state change (several per device) then touches no index
CREATE INDEX campaign_device_by_wave ON campaign_device (campaign_id, wave);
CREATE INDEX campaign_device_by_device ON campaign_device (device_id, state);
