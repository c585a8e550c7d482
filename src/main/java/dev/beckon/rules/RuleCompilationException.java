package dev.beckon.rules;

import java.util.List;

/** A rule set's text did not compile; every error is kept with its line. */
public class RuleCompilationException extends RuntimeException {

    private final List<CompileError> errors;

    public RuleCompilationException(List<CompileError> errors) {
        super(errors.size() + " compile error(s); first at line " + errors.get(0).line() + ": " + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public List<CompileError> errors() {
        return errors;
    }
}
