package dev.beckon.inbox;

import dev.beckon.decision.Decision;
import dev.beckon.decision.Escalation;
import dev.beckon.event.StoredEvent;
import dev.beckon.profile.CustomerProfile;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/** Puts together an escalation's {@link CaseFile}: what support reads before acting. */
@ApplicationScoped
public class CaseFiles {

    /** How many of the customer's latest events and latest decisions the timeline merges. */
    static final int TIMELINE = 50;

    @Inject
    Inbox inbox;
    @Inject
    Clock clock;

    @Transactional
    public CaseFile of(UUID id) {
        EscalationView escalation = inbox.one(id);
        Decision raisedBy = Decision.findById(id);
        StoredEvent trigger = raisedBy == null ? null : StoredEvent.findById(raisedBy.eventId);
        String customer = escalation.customerId();
        Instant now = clock.instant();
        List<EscalationView> earlier = Escalation.<Escalation>find("customerId = ?1 and decisionId <> ?2",
                        Sort.descending("openedAt"), customer, id).list().stream()
                .map(e -> inbox.view(e, now)).toList();
        List<HistoryLine> history = EscalationEntry.<EscalationEntry>find("escalationId", Sort.ascending("id"), id)
                .list().stream().map(HistoryLine::of).toList();
        return new CaseFile(escalation, raisedBy, trigger, CustomerProfile.findById(customer),
                timeline(customer, raisedBy), earlier, history);
    }

    private static List<CaseFile.Moment> timeline(String customer, Decision raisedBy) {
        String trigger = raisedBy == null ? null : raisedBy.eventId;
        Stream<CaseFile.Moment> events = StoredEvent.<StoredEvent>find("customerId", Sort.descending("receivedAt", "id"), customer)
                .page(Page.ofSize(TIMELINE)).list().stream()
                .map(e -> new CaseFile.Moment(e.receivedAt, "event", e.type, e.id, e.data, e.id.equals(trigger)));
        Stream<CaseFile.Moment> decisions = Decision.<Decision>find("customerId", Sort.descending("decidedAt", "id"), customer)
                .page(Page.ofSize(TIMELINE)).list().stream()
                .map(d -> new CaseFile.Moment(d.decidedAt, "decision", what(d), d.id.toString(), d.details,
                        raisedBy != null && d.id.equals(raisedBy.id)));
        List<CaseFile.Moment> merged = new ArrayList<>(Stream.concat(events, decisions).toList());
        merged.sort(Comparator.comparing(CaseFile.Moment::at).reversed());
        return merged.subList(0, Math.min(TIMELINE, merged.size()));
    }

    private static String what(Decision decision) {
        return decision.kind + (decision.campaign == null ? "" : " " + decision.campaign) + " by \u201c" + decision.ruleName + "\u201d";
    }
}
