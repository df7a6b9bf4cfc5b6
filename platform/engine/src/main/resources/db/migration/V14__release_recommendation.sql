-- A modification's recommended implementation approach (SEC Section D; each Modification Report's section 6): its
-- options in the report's order, each a named SEC Release with its decision cut-off ("on or before" when
-- cut_off_included, "before" otherwise) or a lead time from the decision (MONTHS or WORKING_DAYS; ad_hoc: an ad-hoc
-- release on the day it ends, else the first scheduled release on or after it). Release targeting takes the first
-- option that fits the decision (org.secflow.modification.ReleaseRecommendation); none: the SEC Release calendar.
-- Portable SQL: HSQLDB and PostgreSQL.

CREATE TABLE modification_release_option (
    reference           VARCHAR(16)   NOT NULL REFERENCES modification (reference),
    option_no           INTEGER       NOT NULL,
    release_name        VARCHAR(100),
    implementation_date DATE,
    decision_cut_off    DATE,
    cut_off_included    BOOLEAN       NOT NULL,
    lead_time           INTEGER,
    lead_time_unit      VARCHAR(16),
    ad_hoc              BOOLEAN       NOT NULL,
    source              VARCHAR(1000),
    PRIMARY KEY (reference, option_no),
    CONSTRAINT release_option_kind CHECK ((lead_time IS NULL AND implementation_date IS NOT NULL AND decision_cut_off IS NOT NULL)
        OR (lead_time IS NOT NULL AND lead_time_unit IN ('MONTHS', 'WORKING_DAYS')))
);
