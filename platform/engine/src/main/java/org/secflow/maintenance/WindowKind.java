package org.secflow.maintenance;

/** Whether a window is part of the monthly schedule (SEC H8.4) or an additional one (H8.4A). */
public enum WindowKind {
    /** In the monthly schedule: lead time counted to the start of the month. */
    MONTHLY,
    /** Added by a reissued schedule: lead time counted to the start of the window (10 / 20 Working Days). */
    ADDITIONAL
}
