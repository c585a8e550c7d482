package dev.beckon.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The hours of the customer's day when no marketing reaches them, such as 21:00 to 08:00. A window
 * whose start is after its end spans midnight. Messages planned inside the window wait until it ends.
 */
public record QuietHours(LocalTime start, LocalTime end) {

    /** When the quiet window around {@code now} ends in {@code zone}, or null when {@code now} is not quiet there. */
    public Instant releaseAt(Instant now, ZoneId zone) {
        LocalDateTime local = LocalDateTime.ofInstant(now, zone);
        LocalTime time = local.toLocalTime();
        boolean spansMidnight = start.isAfter(end);
        boolean quiet = spansMidnight
                ? !time.isBefore(start) || time.isBefore(end)
                : !time.isBefore(start) && time.isBefore(end);
        if (!quiet) {
            return null;
        }
        LocalDate endDay = spansMidnight && !time.isBefore(start) ? local.toLocalDate().plusDays(1) : local.toLocalDate();
        // At a daylight-saving gap ZonedDateTime moves the end forward by the gap, which is still after the window.
        return ZonedDateTime.of(endDay, end, zone).toInstant();
    }

    @Override
    public String toString() {
        return start + "–" + end;
    }
}
