package dev.beckon.inbox;

import dev.beckon.decision.Escalation;
import dev.beckon.platform.FieldError;
import dev.beckon.platform.ProblemException;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The queue of escalations: filtered, most urgent first and, within a priority, the longest waiting first. */
@ApplicationScoped
public class Inbox {

    /** Unresolved: open or claimed. The inbox's default. */
    public static final String ACTIVE = "active";
    public static final String MINE = "mine";
    public static final String UNASSIGNED = "unassigned";
    static final Set<String> STATUSES = Set.of(ACTIVE, Escalation.OPEN, Escalation.CLAIMED, Escalation.RESOLVED, "all");
    static final String MOST_URGENT_OLDEST_FIRST =
            " order by case priority when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end, openedAt, decisionId";

    /**
     * Which escalations to show; a blank field does not filter.
     *
     * @param status   active (the default), open, claimed, resolved or all
     * @param assignee a user name, {@code mine} or {@code unassigned}
     */
    public record Filter(String queue, String priority, String status, String assignee) {

        public Filter {
            queue = blankToNull(queue);
            priority = blankToNull(priority);
            status = status == null || status.isBlank() ? ACTIVE : status;
            assignee = blankToNull(assignee);
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value;
        }
    }

    @Inject
    ServiceLevels serviceLevels;
    @Inject
    EntityManager entityManager;
    @Inject
    Clock clock;

    /** The escalations the filter selects; {@code me} is who "mine" means. */
    @Transactional
    public List<EscalationView> list(Filter filter, String me, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (filter.queue() != null) {
            query.append(" and queue = :queue");
            parameters.put("queue", filter.queue());
        }
        if (filter.priority() != null) {
            Priority.named(filter.priority()).orElseThrow(() -> invalid("priority", "must be one of urgent, high, normal, low"));
            query.append(" and priority = :priority");
            parameters.put("priority", filter.priority());
        }
        if (!STATUSES.contains(filter.status())) {
            throw invalid("status", "must be one of active, open, claimed, resolved, all");
        }
        if (filter.status().equals(ACTIVE)) {
            query.append(" and status <> 'resolved'");
        } else if (!filter.status().equals("all")) {
            query.append(" and status = :status");
            parameters.put("status", filter.status());
        }
        if (UNASSIGNED.equals(filter.assignee())) {
            query.append(" and assignee is null");
        } else if (filter.assignee() != null) {
            query.append(" and assignee = :assignee");
            parameters.put("assignee", MINE.equals(filter.assignee()) ? me : filter.assignee());
        }
        Instant now = clock.instant();
        return Escalation.<Escalation>find(query + MOST_URGENT_OLDEST_FIRST, parameters)
                .page(Page.ofSize(limit)).list().stream().map(e -> view(e, now)).toList();
    }

    /** Every queue an escalation was ever put in, for the filter. */
    @Transactional
    public List<String> queues() {
        return entityManager.createQuery("select distinct queue from Escalation order by queue", String.class)
                .getResultList();
    }

    @Transactional
    public EscalationView one(UUID id) {
        Escalation escalation = Escalation.findById(id);
        if (escalation == null) {
            throw ProblemException.notFound("No escalation " + id);
        }
        return view(escalation, clock.instant());
    }

    EscalationView view(Escalation escalation, Instant now) {
        return EscalationView.of(escalation, serviceLevels.at(escalation, now), now);
    }

    private static ProblemException invalid(String field, String message) {
        return ProblemException.badRequest("The filter is not valid", List.of(new FieldError(field, message)));
    }
}
