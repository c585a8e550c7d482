package dev.beckon.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One problem with one input field, named by its JSON path (e.g. {@code [3].customerId}); for
 * rule text, also the line and column the compiler reported.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(String field, String message, Integer line, Integer column) {

    public FieldError(String field, String message) {
        this(field, message, null, null);
    }

    /** The errors on one line, for a log, a dead letter's reason or a delivery log: {@code field message; field message}. */
    public static String summary(List<FieldError> errors) {
        return errors.stream().map(error -> error.field() + " " + error.message()).collect(Collectors.joining("; "));
    }
}
