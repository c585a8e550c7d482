package dev.beckon.faults;

import java.util.List;

/**
 * Beckon is killed with SIGKILL mid-stream, again and again, and started again each time: batches
 * in flight are neither committed nor acknowledged, webhooks in flight get no answer, deliveries in
 * flight are unrecorded. With several replicas they are killed in turn.
 */
final class Kill9Scenario implements Scenario {

    @Override
    public String name() {
        return "kill9";
    }

    @Override
    public FaultSchedule faults(FaultRig rig, SuiteOptions options, String run, List<Long> kills) {
        FaultSchedule schedule = new FaultSchedule();
        for (int i = 1; i <= options.kills(); i++) {
            schedule.at((double) i / (options.kills() + 1), "kill -9 and restart",
                    () -> rig.replicas.killAndRestartNext(kills));
        }
        return schedule;
    }
}
