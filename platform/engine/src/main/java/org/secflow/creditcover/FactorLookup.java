package org.secflow.creditcover;

/**
 * Asks the J3.8 decision table (rules/credit-cover-factors.drl.csv) for the Unsecured Credit Factor of a Credit
 * Assessment Score; the table inserts an {@link UnsecuredCreditFactor} with the same subject.
 */
public final class FactorLookup {
    private final String subject;
    private final int score;

    /** @param subject {@code OWN} (the Party) or {@code PARENT} (its Parent Company, with a PCG) */
    public FactorLookup(String subject, int score) {
        this.subject = subject;
        this.score = score;
    }

    public String getSubject() {
        return subject;
    }

    public int getScore() {
        return score;
    }
}
