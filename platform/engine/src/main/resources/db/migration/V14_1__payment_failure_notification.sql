-- The Notification of Payment Failure the DCC serves for an unpaid Invoice (SEC J2.1): Credit Support may be drawn on
-- the Working Day following its service (J3.16, quoted in the SEC Panel paper of June 2021, MP159 draft Modification
-- Report). Null: none served. Portable SQL: HSQLDB and PostgreSQL.

ALTER TABLE credit_invoice ADD COLUMN payment_failure_notified_on DATE;
