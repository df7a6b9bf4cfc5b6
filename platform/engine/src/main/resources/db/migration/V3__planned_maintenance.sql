-- Planned Maintenance schedules and their windows (issue 6; SEC H8 as changed by MP092). Portable SQL: HSQLDB and
-- PostgreSQL. Window times are stored as instants (start_at, end_at); the API shows them in UK local time.
-- A schedule stored for a month replaces the one stored before for that month (a reissued schedule, SEC H8.4A).

CREATE TABLE maintenance_schedule (
    schedule_id     VARCHAR(36) PRIMARY KEY,
    schedule_month  VARCHAR(7)  NOT NULL,
    published_on    DATE        NOT NULL,
    ruleset_version VARCHAR(16) NOT NULL,
    stored_by       VARCHAR(64) NOT NULL,
    stored_at       TIMESTAMP   NOT NULL
);
CREATE UNIQUE INDEX maintenance_schedule_by_month ON maintenance_schedule (schedule_month);

CREATE TABLE maintenance_window (
    schedule_id        VARCHAR(36)   NOT NULL REFERENCES maintenance_schedule (schedule_id),
    window_id          VARCHAR(64)   NOT NULL,
    start_at           TIMESTAMP     NOT NULL,
    end_at             TIMESTAMP     NOT NULL,
    start_month        VARCHAR(7)    NOT NULL,
    impact             VARCHAR(4)    NOT NULL,
    window_kind        VARCHAR(10)   NOT NULL,
    disrupts           VARCHAR(200)  NOT NULL,
    consumer_affecting BOOLEAN       NOT NULL,
    risk_score         INTEGER,
    description        VARCHAR(2000) NOT NULL,
    PRIMARY KEY (schedule_id, window_id)
);
CREATE INDEX maintenance_window_by_start ON maintenance_window (start_at);
