package org.secflow.maintenance;

/**
 * Complexity of a change for the trial's Change Risk Calculator (SEC Panel paper, December 2020 Annex D): HIGH needs several technical
 * teams or organisations or has no track record; LOW is everything else.
 */
public enum Complexity {
    HIGH,
    LOW
}
