package dev.beckon.rules.vocabulary;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the short durations rule authors write ("45s", "30m", "2h", "3d") or ISO-8601 ("PT30M"). */
public final class Durations {

    private static final Pattern SHORT = Pattern.compile("(\\d{1,6})\\s*([smhdw])");

    private Durations() {
    }

    public static Duration parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("a duration is required, e.g. \"30m\"");
        }
        Matcher m = SHORT.matcher(text.trim().toLowerCase());
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofDays(7 * n);
            };
        }
        try {
            return Duration.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a duration; write e.g. \"45s\", \"30m\", \"2h\", \"3d\"");
        }
    }
}
