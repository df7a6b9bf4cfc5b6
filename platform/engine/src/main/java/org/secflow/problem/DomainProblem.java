package org.secflow.problem;

/**
 * A request the platform refuses for a reason the caller can fix. The server turns it into an
 * {@code application/problem+json} response with {@link #status()}; nothing has been written when it is thrown.
 */
public abstract class DomainProblem extends RuntimeException {
    private final String field;
    private final String rule;

    protected DomainProblem(String message, String field, String rule) {
        super(message);
        this.field = field;
        this.rule = rule;
    }

    /** HTTP status that fits, e.g. 404, 409, 422. */
    public abstract int status();

    /** Short title of the kind of problem, e.g. {@code Invalid field}. */
    public abstract String title();

    /** JSON name of the offending request field, or null. */
    public String field() {
        return field;
    }

    /** The rule broken, citing its source where there is one, or null. */
    public String rule() {
        return rule;
    }
}
