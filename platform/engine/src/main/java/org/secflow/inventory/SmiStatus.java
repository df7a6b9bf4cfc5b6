package org.secflow.inventory;

/**
 * SMI Status of a device (DUIS / SEC Appendix AD). Pre-notification (SRV 12.2) makes a device {@link #PENDING};
 * devices of a generated estate are {@link #COMMISSIONED}.
 */
public enum SmiStatus {
    PENDING, WHITELISTED, INSTALLED_NOT_COMMISSIONED, COMMISSIONED, DECOMMISSIONED, WITHDRAWN, SUSPENDED, RECOVERED
}
