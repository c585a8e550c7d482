package dev.beckon.campaign.report;

import dev.beckon.platform.FieldError;
import dev.beckon.platform.ProblemException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The decisions a report covers: those whose anchor (when the decision was made, for the treatment
 * and the holdout alike) falls in [from, to). Their conversions may come up to a conversion window later.
 */
public record ReportPeriod(Instant from, Instant to) {

    /** Without a period, a report covers the last 30 days. */
    public static final Duration DEFAULT_LENGTH = Duration.ofDays(30);
    /** A year and a day, so a whole (leap) year fits: each day is a point on the daily chart. */
    public static final Duration LONGEST = Duration.ofDays(366);

    /**
     * The period from request parameters, each an instant ({@code 2026-11-01T00:00:00Z}) or a UTC
     * date ({@code 2026-11-01}). A date {@code to} includes that day, as a person picking dates means it.
     * Left out, {@code to} is now and {@code from} 30 days before {@code to}.
     */
    public static ReportPeriod parse(String from, String to, Clock clock) {
        List<FieldError> errors = new ArrayList<>();
        Instant end = parse("to", to, true, errors);
        Instant start = parse("from", from, false, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The report's period is not valid", errors);
        }
        boolean endGiven = end != null;
        if (end == null) {
            end = clock.instant();
        }
        if (start == null) {
            start = end.minus(DEFAULT_LENGTH);
        }
        if (!start.isBefore(end)) {
            throw ProblemException.badRequest("The report's period is not valid", List.of(endGiven
                    ? new FieldError("to", "must be after from")
                    : new FieldError("from", "must be in the past, as the period ends now when to is left out")));
        }
        if (Duration.between(start, end).compareTo(LONGEST) > 0) {
            throw ProblemException.badRequest("The report's period is too long",
                    List.of(new FieldError("to", "must be at most " + LONGEST.toDays() + " days after from")));
        }
        return new ReportPeriod(start, end);
    }

    /** The UTC days the period touches, first to last. */
    public List<LocalDate> days() {
        List<LocalDate> days = new ArrayList<>();
        LocalDate last = to.minusNanos(1).atZone(ZoneOffset.UTC).toLocalDate();
        for (LocalDate day = from.atZone(ZoneOffset.UTC).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            days.add(day);
        }
        return days;
    }

    private static Instant parse(String field, String text, boolean endOfDay, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notAnInstant) {
            try {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notADate) {
                errors.add(new FieldError(field, "must be a date such as 2026-11-01 or an instant such as 2026-11-01T00:00:00Z"));
                return null;
            }
        }
    }
}
