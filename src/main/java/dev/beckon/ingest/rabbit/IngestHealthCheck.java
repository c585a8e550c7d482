package dev.beckon.ingest.rabbit;

import dev.beckon.broker.Broker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.TreeSet;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Which queues this replica is subscribed to: with several shards, how the replicas have shared
 * them out. Always up: a replica with nothing to consume still serves HTTP, and the broker's own
 * check says whether it is reachable.
 */
@Readiness
@ApplicationScoped
public class IngestHealthCheck implements HealthCheck {

    @Inject
    Broker broker;
    @Inject
    RabbitIngest ingest;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("rabbitmq-ingest").up()
                .withData("consuming", String.join(",", new TreeSet<>(ingest.consumedQueues())))
                .withData("shards", Math.max(1, broker.config().shards()))
                .build();
    }
}
