package dev.beckon.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The short version of the fault-injection suite, run by {@code ./mvnw verify} after packaging:
 * every scenario with a small stream (the full one is {@code scripts/fault-suite all}, see
 * docs/reliability.md). It uses its own PostgreSQL and RabbitMQ node, never the shared ones.
 */
class FaultSuiteIT {

    @Test
    void everyFaultScenarioLosesDuplicatesAndReordersNothing() throws Exception {
        List<Report> reports = new ArrayList<>();
        int exit = FaultSuite.run(new ArrayList<>(FaultSuite.scenarios().values()), SuiteOptions.ci(), reports);

        assertThat(reports).extracting(Report::scenario)
                .containsExactly("kill9", "broker", "postgres", "endpoint", "publish", "badinput");
        assertThat(reports).allSatisfy(report -> assertThat(report.failed()).as(report.render()).isFalse());
        assertThat(exit).isZero();
    }
}
