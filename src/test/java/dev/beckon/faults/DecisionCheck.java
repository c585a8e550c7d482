package dev.beckon.faults;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every event that the published rules decide on gets exactly one decision, from the rule the
 * input says (a cart update a follow-up, an order an offer, a rating of 2 or less an escalation),
 * and no other event gets any. Expected counts come from the plan, not from what Beckon stored, so
 * the decisions of a lost event count as lost.
 */
final class DecisionCheck {

    private DecisionCheck() {
    }

    static Report.Row check(List<PlannedEvent> planned, StoredState stored) {
        Map<String, List<StoredState.Decision>> byEvent = new HashMap<>();
        stored.decisions.forEach(d -> byEvent.computeIfAbsent(d.eventId(), e -> new java.util.ArrayList<>()).add(d));
        long expected = 0;
        long lost = 0;
        long duplicated = 0;
        long unexpected = 0;
        for (PlannedEvent event : planned) {
            String rule = HarnessRules.expectedRule(event);
            List<StoredState.Decision> decided = byEvent.getOrDefault(event.id(), List.of());
            long matching = decided.stream().filter(d -> rule != null && HarnessRules.sameRule(rule, d.rule())).count();
            unexpected += decided.size() - matching;
            if (rule != null) {
                expected++;
                lost += matching == 0 ? 1 : 0;
                duplicated += Math.max(0, matching - 1);
            }
        }
        Map<Integer, Long> byVersion = new TreeMap<>();
        stored.decisions.forEach(d -> byVersion.merge(d.ruleSetVersion(), 1L, Long::sum));
        return new Report.Row("decisions", expected, stored.decisions.size(), lost, duplicated + unexpected, -1,
                "unexpected " + unexpected + ", by rule set version " + byVersion);
    }
}
