package dev.beckon.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.beckon.audit.AuditLog;
import dev.beckon.decision.Decision;
import dev.beckon.decision.Escalation;
import dev.beckon.platform.FieldError;
import dev.beckon.platform.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Working an escalation: claim, assign, note, change priority, resolve, reopen. Each change locks
 * the escalation's row, writes a history line with who and when, and an audit entry, in one
 * transaction. Resolving also records the event {@code escalation.resolved}, handed to the rules
 * after the commit. A change that would change nothing (claiming one's own, the same priority)
 * records nothing.
 */
@ApplicationScoped
public class EscalationWork {

    public static final String RESOLVED_EVENT = "escalation.resolved";
    static final int MAX_NOTE = 10_000;

    @Inject
    AuditLog audit;
    @Inject
    Assignees assignees;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;
    @Inject
    jakarta.enterprise.event.Event<InboxEventRecorded> eventRecorded;

    /** The caller takes it; someone else's escalation is taken over with {@link #assign} instead. */
    @Transactional
    public Escalation claim(UUID id) {
        Escalation escalation = unresolved(id);
        String me = audit.actor();
        if (me.equals(escalation.assignee)) {
            return escalation;
        }
        if (escalation.assignee != null) {
            throw ProblemException.conflict("Escalation " + id + " is claimed by " + escalation.assignee
                    + "; assign it to take it over");
        }
        escalation.assignee = me;
        escalation.status = Escalation.CLAIMED;
        record(escalation, "claimed", details());
        return escalation;
    }

    @Transactional
    public Escalation assign(UUID id, String assignee) {
        if (assignee == null || !assignees.canWork(assignee)) {
            throw ProblemException.badRequest("Escalations go to console users who may work them",
                    List.of(new FieldError("assignee", "must be a console user with the role admin or support")));
        }
        Escalation escalation = unresolved(id);
        if (assignee.equals(escalation.assignee)) {
            return escalation;
        }
        ObjectNode details = details().put("assignee", assignee);
        if (escalation.assignee != null) {
            details.put("previousAssignee", escalation.assignee);
        }
        escalation.assignee = assignee;
        escalation.status = Escalation.CLAIMED;
        record(escalation, "assigned", details);
        return escalation;
    }

    @Transactional
    public Escalation note(UUID id, String text) {
        String note = checkedNote(text, true);
        Escalation escalation = found(id);
        record(escalation, "noted", details().put("note", note));
        return escalation;
    }

    @Transactional
    public Escalation changePriority(UUID id, String priority) {
        Priority to = Priority.named(priority).orElseThrow(() -> ProblemException.badRequest("Unknown priority",
                List.of(new FieldError("priority", "must be one of urgent, high, normal, low"))));
        Escalation escalation = unresolved(id);
        if (to.name().equals(escalation.priority)) {
            return escalation;
        }
        ObjectNode details = details().put("from", escalation.priority).put("to", to.name());
        escalation.priority = to.name();
        record(escalation, "priority_changed", details);
        return escalation;
    }

    /** Resolves it with an outcome (and perhaps a note), and tells the rules: {@code escalation.resolved}. */
    @Transactional
    public Escalation resolve(UUID id, String outcome, String note) {
        Outcome how = Outcome.named(outcome).orElseThrow(() -> ProblemException.badRequest("Unknown outcome",
                List.of(new FieldError("outcome", "must be one of refunded, goodwill_offer, no_action, fraud_confirmed"))));
        String checkedNote = checkedNote(note, false);
        Escalation escalation = unresolved(id);
        if (checkedNote != null) {
            record(escalation, "noted", details().put("note", checkedNote));
        }
        Instant now = clock.instant();
        escalation.status = Escalation.RESOLVED;
        escalation.outcome = how.name();
        escalation.resolvedAt = now;
        escalation.resolvedBy = audit.actor();
        Decision decision = Decision.findById(id);
        ObjectNode data = details().put("outcome", how.name()).put("reason", escalation.reason)
                .put("queue", escalation.queue).put("priority", escalation.priority)
                .put("rule", decision == null ? null : decision.ruleName)
                .put("openedAt", escalation.openedAt.toString()).put("resolvedBy", escalation.resolvedBy);
        EscalationEntry entry = record(escalation, "resolved", data);
        long times = EscalationEntry.count("escalationId = ?1 and action = 'resolved'", id);
        announce(entry, RESOLVED_EVENT, RESOLVED_EVENT + ":" + id + ":" + times);
        return escalation;
    }

    /** Opens a resolved escalation again; its service level starts afresh. */
    @Transactional
    public Escalation reopen(UUID id, String note) {
        String checkedNote = checkedNote(note, false);
        Escalation escalation = found(id);
        if (!escalation.isResolved()) {
            throw ProblemException.conflict("Escalation " + id + " is not resolved");
        }
        ObjectNode details = details().put("previousOutcome", escalation.outcome);
        escalation.status = escalation.assignee == null ? Escalation.OPEN : Escalation.CLAIMED;
        escalation.outcome = null;
        escalation.resolvedAt = null;
        escalation.resolvedBy = null;
        escalation.slaStartedAt = clock.instant();
        escalation.slaBreachedAt = null;
        record(escalation, "reopened", details);
        if (checkedNote != null) {
            record(escalation, "noted", details().put("note", checkedNote));
        }
        return escalation;
    }

    /** Writes a history line and its audit entry; the SLA watch writes its own lines as "beckon". */
    EscalationEntry record(Escalation escalation, String action, ObjectNode details) {
        EscalationEntry entry = new EscalationEntry();
        entry.escalationId = escalation.decisionId;
        entry.at = clock.instant();
        entry.actor = audit.actor();
        entry.action = action;
        entry.details = details;
        entry.persist();
        audit.record("escalation." + action, escalation.decisionId.toString(), auditDetails(escalation, details));
        return entry;
    }

    /** Marks a history line as an event for the rules, handed to the pipeline after the commit. */
    void announce(EscalationEntry entry, String type, String eventId) {
        entry.eventType = type;
        entry.eventId = eventId;
        eventRecorded.fire(new InboxEventRecorded(eventId));
    }

    /** The audit trail names the customer and what changed, but keeps notes to the escalation's history. */
    private static Map<String, Object> auditDetails(Escalation escalation, ObjectNode details) {
        Map<String, Object> audited = new java.util.LinkedHashMap<>();
        audited.put("customerId", escalation.customerId);
        details.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("note")) {
                audited.put(field.getKey(), field.getValue().isNull() ? null : field.getValue().asText());
            }
        });
        return audited;
    }

    private ObjectNode details() {
        return json.createObjectNode();
    }

    private static Escalation found(UUID id) {
        Escalation escalation = Escalation.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (escalation == null) {
            throw ProblemException.notFound("No escalation " + id);
        }
        return escalation;
    }

    private static Escalation unresolved(UUID id) {
        Escalation escalation = found(id);
        if (escalation.isResolved()) {
            throw ProblemException.conflict("Escalation " + id + " is resolved; reopen it first");
        }
        return escalation;
    }

    private static String checkedNote(String text, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                throw ProblemException.badRequest("A note needs text", List.of(new FieldError("text", "is required")));
            }
            return null;
        }
        if (text.length() > MAX_NOTE) {
            throw ProblemException.badRequest("The note is too long",
                    List.of(new FieldError("text", "must be at most " + MAX_NOTE + " characters")));
        }
        return text.strip();
    }
}
