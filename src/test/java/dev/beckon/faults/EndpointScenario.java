package dev.beckon.faults;

import java.util.List;

/**
 * The business's endpoint misbehaves mid-stream: first it hangs past Beckon's request timeout,
 * then it answers 500, then it recovers. Every decision must still be delivered, once.
 */
final class EndpointScenario implements Scenario {

    @Override
    public String name() {
        return "endpoint";
    }

    @Override
    public FaultSchedule faults(FaultRig rig, SuiteOptions options, String run, List<Long> kills) {
        return new FaultSchedule()
                .at(0.2, "endpoint times out", () -> rig.receiver.mode(Receiver.Mode.timingOut))
                .at(0.45, "endpoint answers 500", () -> rig.receiver.mode(Receiver.Mode.failing))
                .at(0.7, "endpoint recovers", () -> rig.receiver.mode(Receiver.Mode.healthy));
    }

    @Override
    public void check(FaultRig rig, String run, StoredState stored, Report report) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        stored.decisions.forEach(d -> ids.add(d.id()));
        long refused = rig.receiver.receipts().stream().filter(r -> ids.contains(r.webhookId()) && !r.made()).count();
        report.fact("the endpoint answered " + refused + " of this run's requests with a 500 or a 503 after hanging "
                + rig.receiver.hangMillis() + " ms");
        if (refused == 0) {
            report.problem("the endpoint refused none of the run's requests: the fault did not take effect");
        }
    }
}
