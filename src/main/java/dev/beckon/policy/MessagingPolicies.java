package dev.beckon.policy;

import dev.beckon.audit.AuditLog;
import dev.beckon.campaign.FrequencyCap;
import dev.beckon.platform.FieldError;
import dev.beckon.platform.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reading and changing the messaging policy; every change is audited. */
@ApplicationScoped
@Transactional
public class MessagingPolicies {

    /**
     * The policy as edited: caps across campaigns, quiet hours as local times ({@code "21:00"} to
     * {@code "08:00"}, both or neither), and the time zone assumed for customers without one.
     */
    public record Draft(List<FrequencyCap> caps, String quietStart, String quietEnd, String defaultTimeZone) {
    }

    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    public MessagingPolicy current() {
        return MessagingPolicy.current();
    }

    public MessagingPolicy update(Draft draft) {
        if (draft == null) {
            throw ProblemException.badRequest("The policy is missing", List.of(new FieldError("caps", "is required")));
        }
        List<FieldError> errors = new ArrayList<>();
        if (draft.caps() == null) {
            // The whole policy is replaced: an empty body must not quietly clear the caps.
            errors.add(new FieldError("caps", "is required: the caps across campaigns, [] for none"));
        }
        FrequencyCap.validateAll("caps", draft.caps(), errors);
        LocalTime start = time("quietStart", draft.quietStart(), errors);
        LocalTime end = time("quietEnd", draft.quietEnd(), errors);
        if ((start == null) != (end == null) && errors.isEmpty()) {
            errors.add(new FieldError(start == null ? "quietStart" : "quietEnd",
                    "is required when the other end of quiet hours is set"));
        } else if (start != null && start.equals(end)) {
            errors.add(new FieldError("quietEnd", "must differ from quietStart"));
        }
        if (draft.defaultTimeZone() != null) {
            try {
                ZoneId.of(draft.defaultTimeZone());
            } catch (DateTimeException e) {
                errors.add(new FieldError("defaultTimeZone", "must be a time zone such as Europe/Paris or UTC"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The messaging policy is not valid", errors);
        }
        MessagingPolicy policy = MessagingPolicy.current();
        policy.caps = MessagingPolicy.capsJson(draft.caps());
        policy.quietStart = start;
        policy.quietEnd = end;
        policy.defaultTimeZone = draft.defaultTimeZone() == null ? "UTC" : draft.defaultTimeZone();
        policy.updatedBy = audit.actor();
        policy.updatedAt = clock.instant();
        audit.record("policy.updated", "policy", Map.of("caps", policy.caps().size(),
                "quietHours", policy.quietHours().map(QuietHours::toString).orElse("none"),
                "defaultTimeZone", policy.defaultTimeZone));
        return policy;
    }

    private static LocalTime time(String field, String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(text.trim());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a time of day such as 21:00"));
            return null;
        }
    }
}
