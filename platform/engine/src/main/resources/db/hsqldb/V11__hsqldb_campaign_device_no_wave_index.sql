-- HSQLDB only (the embedded default); PostgreSQL runs db/migration alone. Versions are shared with db/migration.
-- Issue 4, speed.
--
-- HSQLDB writes every UPDATE of a campaign device (one per state change) as a new row version in each index of
-- campaign_device. Its planner reads a wave's devices (CampaignStore.devicesIn) through the primary key
-- (campaign_id, device_id) anyway (EXPLAIN PLAN), so campaign_device_by_wave served only the count of one wave at
-- its gate, a few times per campaign, and cost a third of the index work of every state change. The gate's count
-- now reads the campaign's rows through the primary key. PostgreSQL keeps the index.
DROP INDEX campaign_device_by_wave;
