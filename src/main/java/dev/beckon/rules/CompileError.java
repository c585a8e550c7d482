package dev.beckon.rules;

/** One compiler message about a rule set's text, with its line in that text (1-based; 0 when unknown). */
public record CompileError(int line, int column, String message) {
}
