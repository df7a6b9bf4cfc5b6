package org.secflow.problem;

/** A field of a request breaks a rule (HTTP 422). */
public final class InvalidFieldException extends RequestProblem {

    /**
     * @param field JSON name of the field, e.g. {@code altHanDeviceVariant}
     * @param rule the rule and its source, e.g. {@code an Alt HAN bridge carries its variant at SRV 12.2 (DCC Preliminary Impact Assessment for SECMP0170 section 4.1.1)}
     * @param message what is wrong with this value
     */
    public InvalidFieldException(String field, String rule, String message) {
        super(422, "Invalid field", field, rule, message);
    }
}
