package org.secflow.access;

/** DCC User Roles (DOMAIN.md section 1; the DUIS matrix's eligible_user_roles column). */
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
