package org.secflow.rules.scenario;

/** What the rules decide for a request in a scenario table: ACCEPTED or REJECTED (column {@code expectedOutcome}). */
public enum Outcome { ACCEPTED, REJECTED }
