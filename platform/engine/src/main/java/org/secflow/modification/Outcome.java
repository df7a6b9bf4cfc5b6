package org.secflow.modification;

/** The outcome of a Change Board vote or an Authority decision. */
public enum Outcome {
    APPROVED,
    REJECTED
}
