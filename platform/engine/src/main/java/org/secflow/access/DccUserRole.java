package org.secflow.access;

/** DCC User Roles (SEC Section A, User Role definitions; DUIS, Service Request matrix, eligible User Roles). */
public enum DccUserRole {
    /** Import Supplier. */
    IS,
    /** Export Supplier. */
    ES,
    /** Gas Supplier. */
    GS,
    /** Electricity Distributor. */
    ED,
    /** Gas Transporter. */
    GT,
    /** Other User. */
    OU,
    /** Registered Supplier Agent. */
    RSA
}
