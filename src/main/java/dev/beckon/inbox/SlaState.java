package dev.beckon.inbox;

import java.time.Duration;
import java.time.Instant;

/**
 * Where an escalation stands against its service level at one moment: due when, and either the
 * time left or how long ago it was breached. A resolved escalation's service level has stopped.
 */
public record SlaState(Instant dueAt, boolean breached, boolean stopped, Duration left) {

    /** For people: "1 h 45 min left", "breached 12 min ago", "met" or "breached" once resolved. */
    public String label() {
        if (stopped) {
            return breached ? "breached" : "met";
        }
        return breached ? "breached " + human(left.negated()) + " ago" : human(left) + " left";
    }

    /** A CSS class and a filter word: ok, breached or stopped. */
    public String state() {
        return stopped ? "stopped" : breached ? "breached" : "ok";
    }

    /** A duration to the minute, in the largest units that say it shortly: "2 d 3 h", "1 h 5 min", "40 s". */
    public static String human(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3_600;
        long minutes = seconds % 3_600 / 60;
        if (days > 0) {
            return days + " d" + (hours > 0 ? " " + hours + " h" : "");
        }
        if (hours > 0) {
            return hours + " h" + (minutes > 0 ? " " + minutes + " min" : "");
        }
        return minutes > 0 ? minutes + " min" : seconds + " s";
    }
}
