package org.secflow.problem;

/**
 * A request the platform refuses for a reason the caller can fix. The server turns it into an
 * {@code application/problem+json} response with {@link #status()}; nothing has been written when it is thrown.
 */
public abstract class DomainProblem extends RuntimeException {
    private final String field;
    private final String rule;

    /** Longest message kept: a refused value is echoed at most truncated. */
    public static final int MAX_MESSAGE = 1000;

    protected DomainProblem(String message, String field, String rule) {
        super(truncated(message));
        this.field = field;
        this.rule = rule;
    }

    /** {@code text} cut to {@link #MAX_MESSAGE} characters, marked with an ellipsis and the full length. */
    public static String truncated(String text) {
        if (text == null || text.length() <= MAX_MESSAGE) {
            return text;
        }
        return text.substring(0, MAX_MESSAGE) + "... (" + text.length() + " characters)";
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

    /**
     * Seconds after which the same request may succeed ({@code Retry-After}, RFC 9110 section 10.2.3), for a refusal
     * that is about the platform's state, not the request; 0 (the default) sends no {@code Retry-After}.
     */
    public int retryAfterSeconds() {
        return 0;
    }

    /**
     * Members the {@code application/problem+json} body carries beside {@code type, title, status, detail,
     * instance, field, rule} (RFC 9457 extension members), e.g. every rule a request broke; none by default.
     */
    public java.util.Map<String, Object> extensions() {
        return java.util.Map.of();
    }
}
