package org.secflow.rules;

import java.util.List;
import java.util.stream.Collectors;

/** The rules directory cannot be built into a rule base; {@link #errors()} say where and why. */
public class RuleLoadException extends RuntimeException {
    private final transient List<RuleError> errors;

    public RuleLoadException(List<RuleError> errors) {
        super("rules refused: " + errors.stream().map(RuleError::toString).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<RuleError> errors() {
        return errors;
    }
}
