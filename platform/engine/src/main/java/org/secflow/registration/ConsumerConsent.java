package org.secflow.registration;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of {@code rules/ou-consents.csv}: the Energy Consumer of a premises consents to an Other User acting on
 * its devices (SEC Section I1, Data Privacy).
 *
 * @param ouParty SEC Party id of the Other User
 * @param meterPoint the MPAN or MPRN of the premises
 * @param from first day (inclusive), or null (open)
 * @param to last day (inclusive), or null (open)
 * @param source public source of the row, or {@code not from a source} and why
 */
public record ConsumerConsent(String ouParty, String meterPoint, LocalDate from, LocalDate to, String source) {
    public ConsumerConsent {
        Objects.requireNonNull(ouParty, "ou_party");
        Objects.requireNonNull(meterPoint, "meter_point");
        Objects.requireNonNull(source, "source");
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("to " + to + " is before from " + from);
        }
    }

    /** Whether the consent is in force on {@code day} (false for a null day). */
    public boolean inForce(LocalDate day) {
        return RegistrationTables.within(day, from, to);
    }
}
