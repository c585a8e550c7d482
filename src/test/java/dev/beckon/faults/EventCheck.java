package dev.beckon.faults;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every event sent is stored exactly once, and each customer's events were applied in the order
 * they were sent.
 *
 * <ul>
 *   <li>lost: a sent event with no row in {@code events} (a dead-lettered good event is lost too);</li>
 *   <li>duplicated: a customer's profile counted more events than are stored for them (an event
 *       applied twice), plus stored rows the plan never sent;</li>
 *   <li>reordered: ordering a customer's stored events by {@code received_at} (the moment the
 *       consumer took the message, or the request came in: one thread applies them in that
 *       order), an event whose sequence number is lower than one received strictly before it.
 *       Events received in the same microsecond are taken in sequence order.</li>
 * </ul>
 */
final class EventCheck {

    private EventCheck() {
    }

    static Report.Row check(List<PlannedEvent> planned, StoredState stored) {
        Set<String> plannedIds = planned.stream().map(PlannedEvent::id).collect(Collectors.toSet());
        long lost = planned.stream().filter(e -> !stored.events.containsKey(e.id())).count();
        long unplanned = stored.events.keySet().stream().filter(id -> !plannedIds.contains(id)).count();
        Map<String, List<StoredState.Event>> byCustomer = stored.eventsByCustomer();
        long appliedTwice = 0;
        for (Map.Entry<String, Long> profile : stored.profileEventCounts.entrySet()) {
            long storedCount = byCustomer.getOrDefault(profile.getKey(), List.of()).size();
            appliedTwice += Math.max(0, profile.getValue() - storedCount);
        }
        long reordered = 0;
        for (List<StoredState.Event> events : byCustomer.values()) {
            reordered += outOfOrder(events);
        }
        Map<String, Long> deadReasons = new HashMap<>();
        stored.deadLetters.values().forEach(r -> deadReasons.merge(r.replaceAll(":.*", ""), 1L, Long::sum));
        String note = "applied twice " + appliedTwice + ", not sent " + unplanned
                + (deadReasons.isEmpty() ? "" : ", dead letters " + deadReasons);
        return new Report.Row("events stored", planned.size(), stored.events.size(), lost, appliedTwice + unplanned,
                reordered, note);
    }

    static long outOfOrder(List<StoredState.Event> events) {
        List<StoredState.Event> applied = events.stream()
                .sorted(Comparator.comparingLong(StoredState.Event::receivedMicros).thenComparingInt(StoredState.Event::seq))
                .toList();
        long count = 0;
        int highest = 0;
        for (StoredState.Event e : applied) {
            if (e.seq() < highest) {
                count++;
            } else {
                highest = e.seq();
            }
        }
        return count;
    }
}
