package org.secflow.registration;

/**
 * The fuel a meter point and the devices on it belong to, as the registration tables name it: an MPAN is
 * {@link #ELECTRICITY} (Import or Export), an MPRN {@link #GAS}; {@link #ALL} is only an appointment's scope (both).
 */
public enum Fuel {
    ELECTRICITY, GAS, ALL;

    /** Whether an appointment for this fuel covers a meter point of {@code fuel}. */
    public boolean covers(Fuel fuel) {
        return this == ALL || this == fuel;
    }
}
