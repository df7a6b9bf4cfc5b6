-- The release scope of a modification (org.secflow.modification.ReleaseScope): what the change needs from the SEC
-- Release that implements it, used by release targeting at the decision (rules/release-targeting.drl with
-- rules/sec-releases.csv). Rows raised before this migration were targeted as "needs DCC System changes", so they
-- get that scope (ReleaseScope.DEFAULT). Also the go-live day of the release targeted at the decision (an ad-hoc
-- implementation has no release date of its own: decision + N Working Days). Portable SQL: HSQLDB and PostgreSQL.

ALTER TABLE modification ADD COLUMN scope_duis_uplift BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE modification ADD COLUMN scope_dcc_system_changes BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE modification ADD COLUMN scope_ad_hoc_working_days INTEGER;
ALTER TABLE modification ADD COLUMN target_implementation_date DATE;
