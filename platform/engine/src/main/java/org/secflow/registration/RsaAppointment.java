package org.secflow.registration;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of {@code rules/rsa-appointments.csv}: a Supplier appoints a Registered Supplier Agent (SEC Section A
 * "Registered Supplier Agent") for one meter point, or every premises it is registered for, of a fuel.
 *
 * @param agentParty SEC Party id of the RSA
 * @param supplierParty SEC Party id of the appointing Supplier
 * @param fuel {@link Fuel#ELECTRICITY}, {@link Fuel#GAS} or {@link Fuel#ALL}
 * @param meterPoint one MPAN (ELECTRICITY) or MPRN (GAS), or null for every premises of the Supplier; null for ALL
 * @param from first day (inclusive), or null (open)
 * @param to last day (inclusive), or null (open)
 * @param source public source of the row, or {@code not from a source} and why
 */
public record RsaAppointment(String agentParty, String supplierParty, Fuel fuel, String meterPoint, LocalDate from,
                             LocalDate to, String source) {
    public RsaAppointment {
        Objects.requireNonNull(agentParty, "agent_party");
        Objects.requireNonNull(supplierParty, "supplier_party");
        Objects.requireNonNull(fuel, "fuel");
        Objects.requireNonNull(source, "source");
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("to " + to + " is before from " + from);
        }
        if (fuel == Fuel.ALL && meterPoint != null) {
            throw new IllegalArgumentException("an appointment for ALL fuels covers every premises: meter_point must be empty");
        }
    }

    /** Whether the appointment is in force on {@code day} (false for a null day). */
    public boolean inForce(LocalDate day) {
        return RegistrationTables.within(day, from, to);
    }
}
