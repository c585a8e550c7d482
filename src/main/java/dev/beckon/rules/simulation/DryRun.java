package dev.beckon.rules.simulation;

import dev.beckon.decision.DecisionFactory;
import dev.beckon.event.EventEnvelope;
import dev.beckon.event.EventParser;
import dev.beckon.event.StoredEvent;
import dev.beckon.platform.FieldError;
import dev.beckon.platform.ProblemException;
import dev.beckon.profile.CustomerProfile;
import dev.beckon.profile.ProfileState;
import dev.beckon.rules.CompiledVersions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Tries a rule set version on one event: which rules fire and what they would decide. Nothing is stored or sent. */
@ApplicationScoped
public class DryRun {

    @Inject
    CompiledVersions versions;
    @Inject
    DecisionFactory factory;
    @Inject
    Clock clock;

    public TryResult run(int version, TryRequest request) {
        EventEnvelope event = event(request);
        ProfileState start = request.profile() != null ? assumed(event.customerId(), request.profile())
                : QuarkusTransaction.requiringNew().call(() -> {
                    CustomerProfile stored = CustomerProfile.findById(event.customerId());
                    return stored == null ? ProfileState.empty(event.customerId()) : ProfileState.of(stored);
                });
        Simulation simulation = new Simulation(versions.get(version), factory, id -> start.copy(), outcome -> { });
        Simulation.Step step;
        try {
            step = simulation.feed(event);
        } catch (RuntimeException e) {
            throw new ProblemException(422, "A rule failed", "Rule evaluation failed: " + e.getMessage(), List.of());
        }
        return new TryResult(version, event.id(), step.firedRules(), step.decisions().stream()
                .map(d -> new TryResult.Decision(d.kind().wireName(), d.rule(), d.campaign(), d.details())).toList());
    }

    private EventEnvelope event(TryRequest request) {
        if (request == null || (request.event() == null) == (request.eventId() == null)) {
            throw ProblemException.badRequest("Give an event or the id of a stored one",
                    List.of(new FieldError("event", "exactly one of event and eventId is required")));
        }
        if (request.eventId() != null) {
            StoredEvent stored = QuarkusTransaction.requiringNew().call(() -> StoredEvent.<StoredEvent>findById(request.eventId()));
            if (stored == null) {
                throw ProblemException.notFound("No stored event " + request.eventId());
            }
            return new EventEnvelope(stored.id, stored.type, stored.customerId, stored.occurredAt, stored.source,
                    stored.correlationId, (com.fasterxml.jackson.databind.node.ObjectNode) stored.data);
        }
        EventParser.Result parsed = EventParser.parse(request.event(), "event", clock);
        if (parsed instanceof EventParser.Invalid invalid) {
            throw ProblemException.badRequest("The event is not valid", invalid.errors());
        }
        return ((EventParser.Valid) parsed).event();
    }

    private static ProfileState assumed(String customerId, TryRequest.AssumedProfile p) {
        return ProfileState.assumed(customerId, orZero(p.lifetimeSpend()), p.orderCount() == null ? 0 : p.orderCount(),
                orZero(p.openCartValue()), p.paymentCount() == null ? 0 : p.paymentCount(), orZero(p.paymentTotal()),
                p.countries() == null ? Set.of()
                        : p.countries().stream().map(c -> c.toUpperCase(java.util.Locale.ROOT)).collect(java.util.stream.Collectors.toSet()), p.eventCounts() == null ? Map.of() : p.eventCounts());
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
