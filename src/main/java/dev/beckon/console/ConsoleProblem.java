package dev.beckon.console;

import dev.beckon.platform.FieldError;
import dev.beckon.platform.ProblemException;
import java.util.List;

/**
 * A refusal from a service, written for the page: a title, what it means, and one readable line
 * per problem (a failing scenario by name, a compile error by line, a field by its name).
 */
public record ConsoleProblem(int status, String title, String detail, List<Item> items) {

    /** One problem; {@code line} is set for an error in rule text, so the page can link to it. */
    public record Item(String label, String message, Integer line, String field) {
    }

    public static ConsoleProblem of(ProblemException e) {
        return new ConsoleProblem(e.status(), e.title(), e.getMessage(),
                e.errors().stream().map(ConsoleProblem::item).toList());
    }

    /** Items labelled by field first ("html, line 2"), for a form with several texts that each have lines. */
    public static ConsoleProblem byField(ProblemException e) {
        return new ConsoleProblem(e.status(), e.title(), e.getMessage(), e.errors().stream()
                .map(f -> new Item(f.field() + (f.line() != null && f.line() > 0 ? ", line " + f.line() : ""),
                        f.message(), f.line(), f.field()))
                .toList());
    }

    /** A problem found by the page itself, e.g. text that is not JSON. */
    public static ConsoleProblem of(String title, String field, String message) {
        return new ConsoleProblem(400, title, null, List.of(new Item(field, message, null, field)));
    }

    /** Whether one of the items is about {@code field} (for marking a form field). */
    public boolean about(String field) {
        return items.stream().anyMatch(i -> field.equals(i.field()) || (i.field() != null && i.field().startsWith(field + "[")));
    }

    private static Item item(FieldError error) {
        String field = error.field() == null ? "" : error.field();
        if (field.startsWith("scenarios[") && field.endsWith("]")) {
            return new Item("Scenario \u201c" + field.substring("scenarios[".length(), field.length() - 1) + "\u201d",
                    error.message(), null, field);
        }
        if (error.line() != null && error.line() > 0) {
            String where = "Line " + error.line() + (error.column() != null && error.column() > 0 ? ", column " + error.column() : "");
            return new Item(where, error.message(), error.line(), field);
        }
        return new Item(field, error.message(), null, field);
    }
}
