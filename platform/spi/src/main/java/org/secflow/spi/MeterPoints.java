package org.secflow.spi;

/**
 * Meter point identifiers of a premises: the 13-digit MPAN core (electricity) with its check digit, and the
 * 6-10 digit MPRN (gas). Shared by the host (validation) and plugins (generation).
 */
public final class MeterPoints {
    private static final int[] MPAN_PRIMES = {3, 5, 7, 13, 17, 19, 23, 29, 31, 37, 41, 43};

    private MeterPoints() {
    }

    /**
     * The MPAN check digit of the first twelve digits of a core: sum of digit × prime (3, 5, 7, 13, …, 43),
     * modulo 11, modulo 10.
     *
     * @param first12 exactly twelve decimal digits
     * @throws IllegalArgumentException otherwise
     */
    public static int mpanCheckDigit(String first12) {
        if (first12 == null || !first12.matches("\\d{12}")) {
            throw new IllegalArgumentException("an MPAN core starts with 12 digits, got '" + first12 + "'");
        }
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (first12.charAt(i) - '0') * MPAN_PRIMES[i];
        }
        return sum % 11 % 10;
    }

    /** Whether {@code mpan} is a 13-digit MPAN core with a correct check digit. */
    public static boolean isValidMpan(String mpan) {
        return mpan != null && mpan.matches("\\d{13}")
                && mpanCheckDigit(mpan.substring(0, 12)) == mpan.charAt(12) - '0';
    }

    /** Whether {@code mprn} is a Meter Point Reference Number of 6 to 10 digits. */
    public static boolean isValidMprn(String mprn) {
        return mprn != null && mprn.matches("\\d{6,10}");
    }
}
