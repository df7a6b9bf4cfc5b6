package org.secflow.creditcover;

/**
 * Instruments a Party may hold (SEC J3.1). Bank Guarantees, Letters of Credit and Cash Deposits are Credit Support;
 * a Parent Company Guarantee is NOT (SEC Panel paper, June 2021, MP159) and only lets the parent's values be used.
 */
public enum CreditSupportType {
    BANK_GUARANTEE,
    LETTER_OF_CREDIT,
    CASH_DEPOSIT,
    PARENT_COMPANY_GUARANTEE
}
