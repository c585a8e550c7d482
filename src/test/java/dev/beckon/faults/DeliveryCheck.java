package dev.beckon.faults;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every decision that must reach the business's endpoint (offers and escalations when decided,
 * follow-ups when they fire) reaches it exactly once, and nothing else does.
 *
 * <p>A delivery is <em>made</em> when the endpoint answered the request 2xx: a request it answered
 * 500, or 503 after hanging past Beckon's timeout, is an attempt, not a delivery. The endpoint
 * tells decisions apart by the webhook-id header (the decision's id), which must match the
 * decisionId in the body.
 * <ul>
 *   <li>lost: a decision that must be delivered with no delivery made;</li>
 *   <li>duplicated: a second delivery made of the same decision, a delivery of a decision that must
 *       not be delivered (a follow-up called off), or a body naming another decision. One
 *       exception: a repeat after a kill -9 of Beckon, when the first was made before the kill.
 *       Beckon records a delivery after the endpoint answers; a crash between the two leaves it
 *       unrecorded and it is sent again, with the same webhook-id so the receiver can drop it.
 *       Such repeats are counted apart ("resent across a crash") and do not fail the run. The first
 *       may reach the endpoint's handler up to {@link #IN_TRANSIT_MILLIS} after the process died: a
 *       request sent just before the kill can still sit in the endpoint's socket buffer.</li>
 * </ul>
 */
final class DeliveryCheck {

    /** Beckon's request timeout in the suite: how long a request it sent can take to reach the handler. */
    static final long IN_TRANSIT_MILLIS = 2_000;

    private DeliveryCheck() {
    }

    static Report.Row check(StoredState stored, List<Receiver.Receipt> receipts, List<Long> killMillis) {
        Set<String> mustDeliver = new HashSet<>();
        Set<String> runDecisions = new HashSet<>();
        for (StoredState.Decision d : stored.decisions) {
            runDecisions.add(d.id());
            StoredState.FollowUp followUp = stored.followUps.get(d.id());
            if (!d.kind().equals("followup") || (followUp != null && followUp.status().equals("fired"))) {
                mustDeliver.add(d.id());
            }
        }
        Map<String, List<Receiver.Receipt>> made = new HashMap<>();
        long wrongBody = 0;
        long attempts = 0;
        for (Receiver.Receipt receipt : receipts) {
            if (!runDecisions.contains(receipt.webhookId())) {
                continue;
            }
            attempts++;
            if (!receipt.webhookId().equals(receipt.bodyDecisionId())) {
                wrongBody++;
            }
            if (receipt.made()) {
                made.computeIfAbsent(receipt.webhookId(), id -> new ArrayList<>()).add(receipt);
            }
        }
        long lost = mustDeliver.stream().filter(id -> !made.containsKey(id)).count();
        long notToBeDelivered = made.keySet().stream().filter(id -> !mustDeliver.contains(id)).count();
        long repeated = 0;
        long resentAcrossCrash = 0;
        for (List<Receiver.Receipt> deliveries : made.values()) {
            for (int i = 1; i < deliveries.size(); i++) {
                if (crashBetween(deliveries.get(0).atMillis(), deliveries.get(i).atMillis(), killMillis)) {
                    resentAcrossCrash++;
                } else {
                    repeated++;
                }
            }
        }
        return new Report.Row("deliveries made", mustDeliver.size(), made.size(), lost,
                repeated + notToBeDelivered + wrongBody, -1,
                "requests " + attempts + ", resent across a crash " + resentAcrossCrash + ", not to be delivered "
                        + notToBeDelivered + ", body naming another decision " + wrongBody);
    }

    static boolean crashBetween(long first, long repeat, List<Long> killMillis) {
        return killMillis.stream().anyMatch(kill -> kill >= first - IN_TRANSIT_MILLIS && kill <= repeat);
    }
}
