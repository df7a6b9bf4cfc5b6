package org.secflow.maintenance;

/**
 * A part of the Services that Planned Maintenance disrupts or puts at Material Risk of disruption (SEC H8.4(b)).
 * The first three are the core services that make it High Impact (the rules in rules/maintenance.drl decide).
 */
public enum DisruptedService {
    /** End-to-end communications between Users and Communications Hubs, in either direction. */
    END_TO_END_COMMUNICATIONS,
    /** Install and commission activities. */
    INSTALL_AND_COMMISSION,
    /** Previously scheduled SMETS1 migrations. */
    SMETS1_MIGRATIONS,
    /** The Self-Service Interface. */
    SELF_SERVICE_INTERFACE,
    /** Any other service. */
    OTHER_SERVICES
}
