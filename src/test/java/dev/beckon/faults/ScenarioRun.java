package dev.beckon.faults;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One scenario from start to verdict: make the stream, send it while the scenario's faults are
 * injected, wait until Beckon settled, read what it stored and check it against the input.
 */
final class ScenarioRun {

    /** A share of the customers sends over signed webhooks, the rest over RabbitMQ. */
    private static final double WEBHOOK_SHARE = 0.25;

    private ScenarioRun() {
    }

    static Report execute(Scenario scenario, FaultRig rig, SuiteOptions options) throws Exception {
        Instant started = Instant.now();
        Instant deadline = started.plus(options.scenarioTimeout());
        String run = scenario.name() + "-" + Long.toString(System.currentTimeMillis(), 36);
        TrafficPlan plan = TrafficPlan.generate(run, options.events(), WEBHOOK_SHARE, run.hashCode());
        List<Long> kills = Collections.synchronizedList(new ArrayList<>());
        FaultSchedule faults = scenario.faults(rig, options, run, kills);
        rig.receiver.mode(Receiver.Mode.healthy);

        TrafficDriver.Stats sent;
        try (RabbitPublisher publisher = new RabbitPublisher(rig.broker.amqpUri(), FaultRig.EVENTS_EXCHANGE)) {
            TrafficDriver driver = new TrafficDriver(publisher, run, FaultRig.SOURCE, FaultRig.SOURCE_SECRET,
                    rig.replicas::baseUrl);
            Thread injector = faults.startOn(driver::sent, plan.events().size());
            sent = driver.drive(plan.events(), options.rate(), faults, deadline);
            injector.join(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()));
            if (injector.isAlive()) {
                throw new ScenarioTimeout("injecting faults (" + faults.done() + " done)");
            }
            faults.rethrow();
        }
        // Every follow-up is due a follow-up delay after its event; nothing should move for that long before giving up.
        Duration quiet = Duration.ofSeconds(Math.max(30, 3L * rig.followUpSeconds));
        Settlement.Settled settled = Settlement.await(rig, run, plan.events().size(), quiet, deadline);

        StoredState stored;
        List<String> timelines;
        try (Connection db = rig.db()) {
            stored = StoredState.read(db, run);
            timelines = DeliveryTimelines.of(db, stored, rig.receiver.receipts(), kills);
        }
        Report report = new Report(scenario.name())
                .fact(String.format("run %s: %d events (%d over RabbitMQ, %d over webhooks) at %d/s, %d replica(s)",
                        run, plan.events().size(), plan.count(PlannedEvent.Channel.rabbitmq),
                        plan.count(PlannedEvent.Channel.webhook), options.rate(), rig.replicas.size()))
                .fact("faults: " + String.join("; ", faults.done()))
                .fact(String.format("sent in %d s (republished to the broker %d, webhook retries %d), %d s in all",
                        sent.took().toSeconds(), sent.republished(), sent.webhookRetries(),
                        Duration.between(started, Instant.now()).toSeconds()))
                .fact(settled.describe());
        report.add(EventCheck.check(plan.events(), stored))
                .add(DecisionCheck.check(plan.events(), stored))
                .add(FollowUpCheck.check(plan.events(), stored))
                .add(DeliveryCheck.check(stored, rig.receiver.receipts(), kills));
        timelines.forEach(report::evidence);
        scenario.check(rig, run, stored, report);
        return report;
    }
}
