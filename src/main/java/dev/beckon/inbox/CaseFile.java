package dev.beckon.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.beckon.decision.Decision;
import dev.beckon.event.StoredEvent;
import dev.beckon.profile.CustomerProfile;
import java.time.Instant;
import java.util.List;

/**
 * Everything support needs to work one escalation, on one page: the escalation, the rule and event
 * that raised it, the customer's profile, their recent events and decisions as one timeline, their
 * earlier escalations, and what happened to this one.
 *
 * @param raisedBy  the decision the escalation is (rule, rule-set version, event)
 * @param trigger   the event that raised it, when still stored
 * @param profile   the customer's profile, when there is one
 */
public record CaseFile(EscalationView escalation, Decision raisedBy, StoredEvent trigger, CustomerProfile profile,
                       List<Moment> timeline, List<EscalationView> earlier, List<HistoryLine> history) {

    /** One thing on the customer's timeline: an event they caused, or a decision Beckon made about them. */
    public record Moment(Instant at, String kind, String what, String id, JsonNode data, boolean raisedThis) {
    }
}
