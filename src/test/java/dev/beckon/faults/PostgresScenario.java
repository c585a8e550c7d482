package dev.beckon.faults;

import java.util.List;

/**
 * PostgreSQL restarts mid-stream (a fast shutdown: open transactions roll back, connections drop,
 * then it starts again on the same data), and later Beckon's backends are terminated twice with
 * {@code pg_terminate_backend}: batches must be held and retried, not lost nor applied twice.
 */
final class PostgresScenario implements Scenario {

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public FaultSchedule faults(FaultRig rig, SuiteOptions options, String run, List<Long> kills) {
        return new FaultSchedule()
                .at(0.3, "PostgreSQL restart", () -> {
                    rig.database.stop();
                    Thread.sleep(3_000);
                    rig.database.start();
                })
                .at(0.6, "pg_terminate_backend of Beckon's backends", rig.database::terminateBackends)
                .at(0.8, "pg_terminate_backend of Beckon's backends", rig.database::terminateBackends);
    }
}
