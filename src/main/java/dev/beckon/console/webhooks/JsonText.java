package dev.beckon.console.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.beckon.console.ConsoleProblem;

/** JSON typed into a webhook form, read with the place of a mistake, and JSON written out for people. */
final class JsonText {

    private JsonText() {
    }

    /** The text as {@code type}; null when blank. Unreadable text is refused with its line and column. */
    static <T> T read(ObjectMapper json, String text, Class<T> type, String field, String what) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            throw new FormRefusal(ConsoleProblem.of(what + " is not valid", field, e.getOriginalMessage() + where));
        }
    }

    /** Indented, without the fields that are null (a mapping's unused {@code each}, say). */
    static String pretty(ObjectMapper json, Object value) {
        try {
            return json.copy().setSerializationInclusion(JsonInclude.Include.NON_NULL)
                    .writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }
}
