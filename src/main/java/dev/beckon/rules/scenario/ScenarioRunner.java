package dev.beckon.rules.scenario;

import dev.beckon.decision.DecisionFactory;
import dev.beckon.event.EventEnvelope;
import dev.beckon.profile.ProfileState;
import dev.beckon.rules.CompiledRuleSet;
import dev.beckon.rules.simulation.Simulation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Runs scenarios against a compiled rule set on a simulated clock, in milliseconds: events are
 * fed in time order, then the clock runs on for 30 days so every follow-up fires or is called off.
 */
@ApplicationScoped
public class ScenarioRunner {

    static final String CUSTOMER = "scenario-customer";
    static final Duration RUN_ON = Duration.ofDays(30);

    private final DecisionFactory factory;

    @Inject
    public ScenarioRunner(DecisionFactory factory) {
        this.factory = factory;
    }

    public ScenarioResult run(CompiledRuleSet rules, Scenario scenario) {
        Simulation.Recorder recorder = new Simulation.Recorder();
        Simulation simulation = new Simulation(rules, factory, ProfileState::empty, recorder);
        List<EventEnvelope> events = events(scenario);
        List<String> problems = new ArrayList<>();
        Instant last = ScenarioClock.DAY_ONE;
        for (EventEnvelope event : events) {
            try {
                simulation.feed(event);
            } catch (RuntimeException e) {
                problems.add("the " + event.type() + " at " + ScenarioClock.format(event.occurredAt())
                        + " could not be processed: " + e.getMessage());
            }
            last = event.occurredAt();
        }
        simulation.advanceTo(last.plus(RUN_ON));

        List<ScenarioResult.Made> made = recorder.outcomes().stream().map(ScenarioRunner::made).toList();
        List<ScenarioResult.Made> unmatched = new ArrayList<>(made);
        for (Scenario.Expected expected : scenario.expect() == null ? List.<Scenario.Expected>of() : scenario.expect()) {
            ScenarioResult.Made match = unmatched.stream().filter(m -> matches(expected, m)).findFirst().orElse(null);
            if (match == null) {
                problems.add("expected " + describe(expected) + ", but no such decision was made");
            } else {
                unmatched.remove(match);
            }
        }
        if (scenario.exactlyOrDefault()) {
            for (ScenarioResult.Made extra : unmatched) {
                problems.add("did not expect " + extra.kind() + (extra.campaign() == null ? "" : " \"" + extra.campaign() + "\"")
                        + " by rule \"" + extra.rule() + "\"");
            }
        }
        return new ScenarioResult(scenario.name(), problems.isEmpty(), problems, made);
    }

    private static List<EventEnvelope> events(Scenario scenario) {
        List<EventEnvelope> events = new ArrayList<>();
        List<Scenario.Given> given = scenario.given() == null ? List.of() : scenario.given();
        for (int i = 0; i < given.size(); i++) {
            Scenario.Given g = given.get(i);
            events.add(new EventEnvelope("scenario-" + (i + 1), g.type(), g.customerId() == null ? CUSTOMER : g.customerId(),
                    ScenarioClock.parse(g.at()), "scenario", null,
                    g.data() == null ? JsonNodeFactory.instance.objectNode() : g.data()));
        }
        events.sort(Comparator.comparing(EventEnvelope::occurredAt));
        return events;
    }

    private static ScenarioResult.Made made(Simulation.Outcome outcome) {
        var d = outcome.decision();
        String due = d.details().hasNonNull("dueAt") ? ScenarioClock.format(Instant.parse(d.details().get("dueAt").asText())) : null;
        return new ScenarioResult.Made(d.kind().wireName(), d.campaign(), d.rule(), outcome.status(), due,
                ScenarioClock.format(outcome.closedAt()), ScenarioClock.format(d.decidedAt()), d.details());
    }

    static boolean matches(Scenario.Expected e, ScenarioResult.Made m) {
        if (!Objects.equals(e.kind(), m.kind())) {
            return false;
        }
        var details = m.details();
        var offer = details.has("offer") ? details.get("offer") : details;
        return (e.campaign() == null || e.campaign().equals(m.campaign()))
                && (e.rule() == null || e.rule().equals(m.rule()))
                && (e.status() == null || e.status().equals(m.status()))
                && (e.at() == null || sameTime(e.at(), when(m)))
                && (e.percentOff() == null || offer.path("percentOff").asDouble(Double.NaN) == e.percentOff())
                && (e.amountOff() == null || offer.path("amountOff").asDouble(Double.NaN) == e.amountOff())
                && (e.code() == null || e.code().equals(offer.path("code").asText(null)))
                && (e.priority() == null || e.priority().equals(details.path("priority").asText(null)));
    }

    /** The time "at" refers to: when a follow-up is due (or was called off); when anything else was decided. */
    private static String when(ScenarioResult.Made m) {
        if (!"followup".equals(m.kind())) {
            return m.decidedAt();
        }
        return "pending".equals(m.status()) || "fired".equals(m.status()) ? m.dueAt() : m.closedAt();
    }

    private static boolean sameTime(String expected, String actual) {
        return actual != null && ScenarioClock.parse(expected).equals(ScenarioClock.parse(actual));
    }

    private static String describe(Scenario.Expected e) {
        StringBuilder text = new StringBuilder(e.kind() == null ? "a decision"
                : ("offer".equals(e.kind()) || "escalation".equals(e.kind()) ? "an " : "a ") + e.kind());
        if (e.campaign() != null) {
            text.append(" \"").append(e.campaign()).append('"');
        }
        if (e.status() != null) {
            text.append(" ").append(e.status());
        }
        if (e.at() != null) {
            text.append(" at ").append(e.at());
        }
        if (e.percentOff() != null) {
            text.append(" with ").append(e.percentOff()).append("% off");
        }
        if (e.amountOff() != null) {
            text.append(" with ").append(e.amountOff()).append(" off");
        }
        if (e.priority() != null) {
            text.append(" of priority ").append(e.priority());
        }
        return text.toString();
    }
}
