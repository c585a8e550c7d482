package dev.beckon.faults;

import java.util.List;
import java.util.Map;

/**
 * Every follow-up decided ends exactly one way: fired (with exactly one "fired" message in the
 * outbox, not before it was due), cancelled by a later order of the same customer, or superseded
 * by a later cart update of the same customer (with no "fired" message). Expected: one per cart
 * update sent.
 *
 * <ul>
 *   <li>lost: a follow-up decision still pending when the run settled (every one is due by then),
 *       or marked fired without its message;</li>
 *   <li>duplicated: more than one "fired" message, one for a follow-up that was called off, or a
 *       fire before the due time;</li>
 *   <li>reordered: called off by an event that is not a later one of the same customer (sent with a
 *       higher sequence number), of the type that calls it off.</li>
 * </ul>
 * Whether a follow-up fired or was called off depends on timing (its due time against when the
 * closing event was applied, which a fault can delay), so that split is shown, not judged.
 */
final class FollowUpCheck {

    private FollowUpCheck() {
    }

    static Report.Row check(List<PlannedEvent> planned, StoredState stored) {
        long expected = planned.stream().filter(e -> e.type().equals("cart.updated")).count();
        long lost = 0;
        long duplicated = 0;
        long reordered = 0;
        long fired = 0;
        long cancelled = 0;
        long superseded = 0;
        long followUps = 0;
        for (StoredState.Decision decision : stored.decisions) {
            if (!decision.kind().equals("followup")) {
                continue;
            }
            followUps++;
            StoredState.FollowUp followUp = stored.followUps.get(decision.id());
            int messages = stored.firedMessages.getOrDefault(decision.id(), 0);
            if (followUp == null || followUp.status().equals("pending")) {
                lost++;
                continue;
            }
            switch (followUp.status()) {
                case "fired":
                    fired++;
                    lost += messages == 0 ? 1 : 0;
                    duplicated += Math.max(0, messages - 1) + (followUp.closedMicros() < followUp.dueMicros() ? 1 : 0);
                    break;
                case "cancelled":
                    cancelled++;
                    duplicated += messages;
                    reordered += closedByLaterEvent(decision, followUp, "order.completed", stored.events) ? 0 : 1;
                    break;
                default:
                    superseded++;
                    duplicated += messages;
                    reordered += closedByLaterEvent(decision, followUp, "cart.updated", stored.events) ? 0 : 1;
                    break;
            }
        }
        return new Report.Row("follow-ups closed", expected, followUps, lost, duplicated, reordered,
                "fired " + fired + ", cancelled " + cancelled + ", superseded " + superseded);
    }

    private static boolean closedByLaterEvent(StoredState.Decision decision, StoredState.FollowUp followUp, String type,
                                              Map<String, StoredState.Event> events) {
        StoredState.Event cause = events.get(decision.eventId());
        StoredState.Event closer = followUp.closedByEvent() == null ? null : events.get(followUp.closedByEvent());
        return cause != null && closer != null && closer.type().equals(type)
                && closer.customerId().equals(cause.customerId()) && closer.seq() > cause.seq();
    }
}
