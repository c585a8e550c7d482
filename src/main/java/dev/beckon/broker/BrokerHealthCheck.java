package dev.beckon.broker;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the broker is reachable, when one is configured (the database has its own check). */
@Readiness
@ApplicationScoped
public class BrokerHealthCheck implements HealthCheck {

    @Inject
    Broker broker;

    @Override
    public HealthCheckResponse call() {
        if (!broker.isConfigured()) {
            return HealthCheckResponse.named("rabbitmq").up().withData("configured", false).build();
        }
        boolean connected = broker.isConnected();
        return HealthCheckResponse.named("rabbitmq").status(connected).withData("configured", true).build();
    }
}
