package dev.beckon.rules;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only once a rule set is compiled and active: until then events are held, not processed. */
@Readiness
@ApplicationScoped
public class RulesHealthCheck implements HealthCheck {

    @Inject
    ActiveRules active;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("rules").status(active.current().isPresent())
                .withData("version", active.version()).build();
    }
}
