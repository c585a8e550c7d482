package dev.beckon.campaign;

import dev.beckon.consent.ContactPoints;
import dev.beckon.platform.FieldError;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/**
 * At most {@code max} messages to a customer within {@code per} (an ISO-8601 duration such as
 * {@code P7D} or {@code PT24H}), optionally only on one channel or of one kind: "at most 1 offer per
 * 7 days" is {@code {"max": 1, "per": "P7D", "kind": "offer"}}.
 */
public record FrequencyCap(Integer max, String per, String channel, String kind) {

    static final Set<String> KINDS = Set.of("offer", "followup");

    public Duration window() {
        return Duration.parse(per);
    }

    /** How the cap reads in a suppression reason. */
    public String describe() {
        return "at most " + max + " " + (kind == null ? "message" : kind) + (max == 1 ? "" : "s")
                + (channel == null ? "" : " on " + channel) + " per " + per;
    }

    void validate(String field, List<FieldError> errors) {
        if (max == null || max < 1) {
            errors.add(new FieldError(field + ".max", "must be a whole number of at least 1"));
        }
        if (per == null) {
            errors.add(new FieldError(field + ".per", "is required: an ISO-8601 duration such as P7D or PT24H"));
        } else {
            try {
                if (Duration.parse(per).compareTo(Duration.ofMinutes(1)) < 0) {
                    errors.add(new FieldError(field + ".per", "must be at least a minute"));
                }
            } catch (DateTimeParseException e) {
                errors.add(new FieldError(field + ".per", "must be an ISO-8601 duration such as P7D or PT24H"));
            }
        }
        if (kind != null && !KINDS.contains(kind)) {
            errors.add(new FieldError(field + ".kind", "must be one of " + KINDS + ", or left out for every kind"));
        }
        if (channel != null && !ContactPoints.CHANNEL.matcher(channel).matches()) {
            errors.add(new FieldError(field + ".channel", "must be a channel name such as email or sms"));
        }
    }

    public static void validateAll(String field, List<FrequencyCap> caps, List<FieldError> errors) {
        if (caps == null) {
            return;
        }
        for (int i = 0; i < caps.size(); i++) {
            if (caps.get(i) == null) {
                errors.add(new FieldError(field + "[" + i + "]", "must be a cap"));
            } else {
                caps.get(i).validate(field + "[" + i + "]", errors);
            }
        }
    }
}
