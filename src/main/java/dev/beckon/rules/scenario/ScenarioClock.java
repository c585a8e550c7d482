package dev.beckon.rules.scenario;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The simulated calendar scenarios are written in: "10:00" is on day 1, "day 3 09:15" two days later. */
final class ScenarioClock {

    static final Instant DAY_ONE = Instant.parse("2026-01-05T00:00:00Z");
    private static final Pattern TIME = Pattern.compile("(?:day\\s+(\\d{1,3})\\s+)?(\\d{1,2}:\\d{2})");

    private ScenarioClock() {
    }

    /** The instant for a scenario time, or an IllegalArgumentException that says how to write one. */
    static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a time is required, e.g. \"10:00\" or \"day 2 09:30\"");
        }
        Matcher m = TIME.matcher(text.trim().toLowerCase());
        if (m.matches()) {
            int day = m.group(1) == null ? 1 : Integer.parseInt(m.group(1));
            if (day < 1) {
                throw new IllegalArgumentException("days are counted from 1");
            }
            try {
                LocalTime time = LocalTime.parse(m.group(2).length() == 4 ? "0" + m.group(2) : m.group(2));
                return DAY_ONE.plus(Duration.ofDays(day - 1L)).plusSeconds(time.toSecondOfDay());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("\"" + text + "\" is not a time of day");
            }
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a time; write e.g. \"10:00\" or \"day 2 09:30\"");
        }
    }

    /** The scenario way of writing an instant, for showing results. */
    static String format(Instant instant) {
        if (instant == null) {
            return null;
        }
        Duration since = Duration.between(DAY_ONE, instant);
        if (since.isNegative()) {
            return instant.toString();
        }
        long day = since.toDays() + 1;
        LocalTime time = LocalTime.ofSecondOfDay(since.minusDays(day - 1).toSeconds());
        return (day == 1 ? "" : "day " + day + " ") + time.toString().substring(0, 5);
    }
}
