-- The firmware updates in progress, as rows under a primary key, so that the database keeps two rules for every
-- secflow process that shares it (PostgreSQL), not only inside one (org.secflow.updates.FirmwareUpdateClaims):
-- one firmware update in progress per device (an SRV 11.4 Service Request or a campaign; DCC Preliminary Impact
-- Assessment for SECMP0170, section 4.1.1) and one device per HAN updating at a time (BR9, BR10). A claim is taken in
-- the transaction that accepts or sends the update and released in the one that records its final state.
-- Portable SQL: HSQLDB and PostgreSQL.

CREATE TABLE device_update_claim (
    device_id  VARCHAR(23) PRIMARY KEY,
    holder     VARCHAR(64) NOT NULL,
    claimed_at TIMESTAMP   NOT NULL
);

CREATE TABLE han_update_claim (
    comms_hub_id VARCHAR(23) PRIMARY KEY,
    device_id    VARCHAR(23) NOT NULL,
    holder       VARCHAR(64) NOT NULL,
    claimed_at   TIMESTAMP   NOT NULL
);
CREATE INDEX han_update_claim_by_device ON han_update_claim (device_id);

-- updates in progress when a database of an earlier release is migrated keep their claims: SRV 11.4 Service
-- Requests not yet final, then devices sent, delivered or activated by campaigns not yet COMPLETED
INSERT INTO device_update_claim (device_id, holder, claimed_at)
SELECT device_id, MIN(request_id), MIN(updated_at) FROM service_request_device
 WHERE srv = '11.4' AND state IN ('ACCEPTED', 'SENT', 'DELIVERED_TO_HUB', 'DELIVERED') GROUP BY device_id;

INSERT INTO device_update_claim (device_id, holder, claimed_at)
SELECT cd.device_id, MIN(cd.campaign_id), MIN(cd.updated_at)
  FROM campaign_device cd JOIN firmware_campaign fc ON fc.campaign_id = cd.campaign_id
 WHERE fc.state <> 'COMPLETED' AND cd.state IN ('SENT', 'DELIVERED', 'ACTIVATED')
   AND NOT EXISTS (SELECT 1 FROM device_update_claim c WHERE c.device_id = cd.device_id)
 GROUP BY cd.device_id;

INSERT INTO han_update_claim (comms_hub_id, device_id, holder, claimed_at)
SELECT cd.comms_hub_id, MIN(cd.device_id), MIN(cd.campaign_id), MIN(cd.updated_at)
  FROM campaign_device cd JOIN firmware_campaign fc ON fc.campaign_id = cd.campaign_id
 WHERE fc.state <> 'COMPLETED' AND cd.state IN ('SENT', 'DELIVERED', 'ACTIVATED') AND cd.comms_hub_id IS NOT NULL
 GROUP BY cd.comms_hub_id;
