-- Credit Cover (issue 7; SEC J3 as reviewed by MP159, M8.1). Portable SQL: HSQLDB and PostgreSQL. Money is
-- DECIMAL(15,2): pounds and pence, exact. Assessments keep every input and output, the ids of the rules that fired
-- and the rule-set version (JSON text where a list is stored).

CREATE TABLE credit_party (
    party_id                VARCHAR(64)   PRIMARY KEY,
    party_name              VARCHAR(200)  NOT NULL,
    parent_party_id         VARCHAR(64),
    has_pcg                 BOOLEAN       NOT NULL,
    maximum_credit_value    DECIMAL(15,2) NOT NULL,
    credit_assessment_score INTEGER       NOT NULL,
    updated_by              VARCHAR(64)   NOT NULL,
    updated_at              TIMESTAMP     NOT NULL
);

CREATE TABLE credit_invoice (
    invoice_id   VARCHAR(64)   NOT NULL,
    party_id     VARCHAR(64)   NOT NULL REFERENCES credit_party (party_id),
    issued_on    DATE          NOT NULL,
    due_on       DATE          NOT NULL,
    amount_inc_vat DECIMAL(15,2) NOT NULL,
    paid_on      DATE,
    PRIMARY KEY (party_id, invoice_id)
);

CREATE TABLE credit_support (
    instrument_id VARCHAR(64)   NOT NULL,
    party_id      VARCHAR(64)   NOT NULL REFERENCES credit_party (party_id),
    support_type  VARCHAR(32)   NOT NULL,
    amount        DECIMAL(15,2) NOT NULL,
    expires_on    DATE,
    PRIMARY KEY (party_id, instrument_id)
);

CREATE TABLE credit_estimate (
    party_id     VARCHAR(64)   NOT NULL REFERENCES credit_party (party_id),
    estimated_on DATE          NOT NULL,
    amount       DECIMAL(15,2) NOT NULL,
    PRIMARY KEY (party_id, estimated_on)
);

CREATE TABLE credit_assessment (
    assessment_id    VARCHAR(36)   PRIMARY KEY,
    party_id         VARCHAR(64)   NOT NULL REFERENCES credit_party (party_id),
    as_of            DATE          NOT NULL,
    requirement      DECIMAL(15,2) NOT NULL,
    threshold_amount DECIMAL(15,2) NOT NULL,
    support_held     DECIMAL(15,2) NOT NULL,
    shortfall        DECIMAL(15,2) NOT NULL,
    topup_deadline   DATE,
    event_of_default BOOLEAN       NOT NULL,
    inputs_json      VARCHAR(16000) NOT NULL,
    outcome_json     VARCHAR(16000) NOT NULL,
    fired_rule_ids   VARCHAR(4000) NOT NULL,
    ruleset_version  VARCHAR(16)   NOT NULL,
    assessed_by      VARCHAR(64)   NOT NULL,
    assessed_at      TIMESTAMP     NOT NULL
);
CREATE INDEX credit_assessment_by_party ON credit_assessment (party_id, as_of);
