-- PostgreSQL only (the production database); HSQLDB runs db/hsqldb. Versions are shared with db/migration.
--
-- PostgreSQL writes every UPDATE as a new row version. When the page of the old version has room and no indexed
-- column changed, the new version stays on that page and no index is written (a heap-only tuple, HOT). A campaign
-- device changes state several times (SCHEDULED, SENT, DELIVERED, ACTIVATED, CONFIRMED) and a Service Request's
-- device a few times more, through columns no index holds (V9 dropped the index on campaign_device.state). Full
-- pages (the default fill factor, 100) leave no room, so each change would write every index of the table again.
-- New pages of these tables are filled to 80 % and keep the rest for the updates of their rows.
ALTER TABLE campaign_device SET (fillfactor = 80);
ALTER TABLE service_request_device SET (fillfactor = 80);
ALTER TABLE service_request SET (fillfactor = 80);
