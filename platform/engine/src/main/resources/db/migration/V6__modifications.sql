-- SEC modifications (issue 5; SEC Section D; DOMAIN.md section 5). The lifecycle itself runs in Camunda
-- (bpmn/modification-lifecycle.bpmn); these tables hold the modification and its dated history, written in the same
-- request as the process correlation (org.secflow.modification.ModificationService). Portable SQL: HSQLDB and PostgreSQL.

CREATE TABLE modification (
    reference                  VARCHAR(16)  PRIMARY KEY,
    alias_reference            VARCHAR(16),
    title                      VARCHAR(500) NOT NULL,
    proposer                   VARCHAR(200) NOT NULL,
    raised_on                  DATE         NOT NULL,
    stage                      VARCHAR(32)  NOT NULL,
    path                       VARCHAR(32),
    status                     VARCHAR(16)  NOT NULL,
    target_release             VARCHAR(100),
    appeal_window_end          DATE,
    process_instance_id        VARCHAR(64),
    process_definition_version INTEGER,
    created_by                 VARCHAR(64)  NOT NULL,
    created_at                 TIMESTAMP    NOT NULL
);
CREATE UNIQUE INDEX modification_by_alias ON modification (alias_reference);
CREATE INDEX modification_by_stage ON modification (stage);

CREATE TABLE modification_event (
    reference   VARCHAR(16)   NOT NULL REFERENCES modification (reference),
    seq         INTEGER       NOT NULL,
    event_type  VARCHAR(48)   NOT NULL,
    event_date  DATE          NOT NULL,
    end_date    DATE,
    body        VARCHAR(200),
    outcome     VARCHAR(16),
    path        VARCHAR(32),
    release_name VARCHAR(100),
    source      VARCHAR(1000),
    stage_after VARCHAR(32)   NOT NULL,
    recorded_by VARCHAR(64)   NOT NULL,
    recorded_at TIMESTAMP     NOT NULL,
    PRIMARY KEY (reference, seq)
);
