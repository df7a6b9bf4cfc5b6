package org.secflow.maintenance;

/** Impact of Planned Maintenance (SEC A definition of Planned Maintenance as changed by MP092; SEC Panel paper, December 2020). */
public enum Impact {
    /** Disrupts, or poses a Material Risk of disrupting, a core service. */
    HIGH,
    /** Any other Planned Maintenance, including of the Self-Service Interface. */
    LOW
}
