package dev.beckon.platform;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One problem with one input field, named by its JSON path (e.g. {@code [3].customerId}); for
 * rule text, also the line and column the compiler reported.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(String field, String message, Integer line, Integer column) {

    public FieldError(String field, String message) {
        this(field, message, null, null);
    }
}
