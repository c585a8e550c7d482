package dev.beckon.delivery.backlog;

import dev.beckon.delivery.DeliveryConfig;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * DOWN while more messages wait to be delivered than {@code beckon.delivery.backlog-limit}. A
 * wellness check (in /q/health and /q/health/well), not readiness or liveness: a backlog is for
 * someone to look at, and taking replicas out of the Service or restarting them would only make
 * it grow.
 */
@Wellness
@ApplicationScoped
public class DeliveryBacklogHealthCheck implements HealthCheck {

    @Inject
    DeliveryBacklog backlog;
    @Inject
    DeliveryConfig config;

    @Override
    public HealthCheckResponse call() {
        Backlog figures = backlog.current();
        long limit = config.backlogLimit();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("delivery-backlog")
                .status(figures.total() <= limit)
                .withData("backlog", figures.total())
                .withData("limit", limit)
                .withData("unplanned", figures.unplanned())
                .withData("pending", figures.pending())
                .withData("oldestWaitSeconds", figures.oldestWait().toSeconds());
        return response.withData("measuredAt", figures.measured() ? figures.measuredAt().toString() : "not yet").build();
    }
}
