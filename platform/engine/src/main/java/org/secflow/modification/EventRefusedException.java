package org.secflow.modification;

import java.util.List;
import org.secflow.problem.DomainProblem;

/**
 * The process does not allow this event now, or its date is earlier than the last event (HTTP 409). Nothing has
 * been written or correlated when it is thrown.
 */
public final class EventRefusedException extends DomainProblem {
    private final String reference;
    private final ModificationStage stage;
    private final List<String> allowedEvents;

    public EventRefusedException(String reference, ModificationStage stage, List<String> allowedEvents, String field,
                                 String rule, String message) {
        super(message, field, rule);
        this.reference = reference;
        this.stage = stage;
        this.allowedEvents = List.copyOf(allowedEvents);
    }

    @Override
    public java.util.Map<String, Object> extensions() {
        return java.util.Map.of("reference", reference, "stage", stage, "allowedEvents", allowedEvents);
    }

    @Override
    public int status() {
        return 409;
    }

    @Override
    public String title() {
        return "Event refused";
    }

    /** The modification. */
    public String reference() {
        return reference;
    }

    /** Its current stage. */
    public ModificationStage stage() {
        return stage;
    }

    /** The event types its process allows now. */
    public List<String> allowedEvents() {
        return allowedEvents;
    }
}
