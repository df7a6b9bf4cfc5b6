-- HSQLDB only (the embedded default); PostgreSQL runs db/migration alone. Versions are shared with db/migration.
-- Issue 4, speed.
--
-- HSQLDB backs every foreign key with an index of its own on the referencing columns, even when the primary key
-- (campaign_id, device_id) already leads with them, and it writes every UPDATE as a new row version in each index
-- of the table. With one campaign id shared by up to a million rows, the foreign key's index on campaign_id is a
-- tree of equal keys ordered by row position, walked twice (remove, insert) by every state change of every device:
-- half the index work of each campaign-device write, for an index nothing reads through (100,000-device
-- benchmark: 34.8 s -> 29 s).
--
-- The table is rebuilt without the foreign key rather than the constraint dropped by name: its name is generated
-- by HSQLDB (SYS_FK_...), and a generated name can differ when HSQLDB replays its log after a crash, which would end
-- the replay at that statement. What the constraint guarded holds by construction: campaign devices are inserted
-- only in the transaction that inserts their campaign (CampaignStore.selectTargets), and campaigns are never deleted.
-- PostgreSQL keeps the foreign key (it does not index foreign keys by itself).
CREATE TABLE campaign_device_v12 (
    campaign_id      VARCHAR(36) NOT NULL,
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
    CONSTRAINT campaign_device_pk PRIMARY KEY (campaign_id, device_id),
    CONSTRAINT campaign_device_in_a_state CHECK (state IN ('PENDING', 'SCHEDULED', 'SENT', 'DELIVERED',
        'DELIVERY_FAILED', 'ACTIVATED', 'ACTIVATION_FAILED', 'CONFIRMED', 'TIMED_OUT', 'SKIPPED', 'CANCELLED'))
);
-- (on a new database the table is empty: HSQLDB reports "no data", SQL state 02000, a warning the server does not log)
INSERT INTO campaign_device_v12 SELECT campaign_id, device_id, comms_hub_id, region, alt_han_variant, battery_powered,
    from_version, wave, state, reason, attempts, not_before, request_id, sent_count, last_sent_at, delivered_at, updated_at
    FROM campaign_device;
DROP TABLE campaign_device;
ALTER TABLE campaign_device_v12 RENAME TO campaign_device;
