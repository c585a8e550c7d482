package dev.beckon.faults;

import java.util.List;

/**
 * The RabbitMQ node stops and starts mid-stream ({@code rabbitmqctl stop_app}, a pause,
 * {@code start_app}), and later every connection to it is cut ({@code close_all_connections}):
 * Beckon loses its consumer and its decision publisher, the harness its publisher, and all must
 * come back without losing or repeating anything.
 */
final class BrokerScenario implements Scenario {

    @Override
    public String name() {
        return "broker";
    }

    @Override
    public FaultSchedule faults(FaultRig rig, SuiteOptions options, String run, List<Long> kills) {
        return new FaultSchedule()
                .at(0.3, "rabbitmqctl stop_app, 5 s down, start_app", () -> {
                    rig.broker.stopApp();
                    Thread.sleep(5_000);
                    rig.broker.startApp();
                })
                .at(0.7, "rabbitmqctl close_all_connections", rig.broker::closeAllConnections);
    }
}
