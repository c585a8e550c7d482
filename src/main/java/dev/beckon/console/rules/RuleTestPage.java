package dev.beckon.console.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.beckon.console.ConsoleProblem;
import dev.beckon.console.ConsoleRoles;
import dev.beckon.platform.ProblemException;
import dev.beckon.rules.scenario.ScenarioResult;
import dev.beckon.rules.scenario.ScenarioService;
import dev.beckon.rules.simulation.DryRun;
import dev.beckon.rules.simulation.TryRequest;
import dev.beckon.rules.simulation.TryResult;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;

/**
 * Trying a version out from its page, as htmx fragments: one event through the rules, and every
 * stored scenario. Nothing is stored. A refusal comes back as a fragment too (status 200, so htmx
 * shows it in place).
 */
@Path("/rules/versions/{version}")
@Blocking
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class RuleTestPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance tryResult(TryResult result, ConsoleProblem problem);

        static native TemplateInstance scenarioResults(int version, List<ScenarioResult> results, ConsoleProblem problem);
    }

    @Inject
    DryRun dryRun;
    @Inject
    ScenarioService scenarios;
    @Inject
    ObjectMapper json;
    @Inject
    SecurityIdentity identity;

    @POST
    @Path("/try")
    public TemplateInstance tryEvent(@PathParam("version") int version, @FormParam("event") String event,
                                     @FormParam("eventId") String eventId, @FormParam("lifetimeSpend") String lifetimeSpend,
                                     @FormParam("orderCount") String orderCount) {
        ConsoleRoles.require(ConsoleRoles.canTryRules(identity));
        try {
            return Templates.tryResult(dryRun.run(version, request(event, eventId, lifetimeSpend, orderCount)), null);
        } catch (ProblemException e) {
            return Templates.tryResult(null, ConsoleProblem.of(e));
        } catch (Refused e) {
            return Templates.tryResult(null, e.problem);
        }
    }

    @POST
    @Path("/scenarios")
    public TemplateInstance runScenarios(@PathParam("version") int version) {
        ConsoleRoles.require(ConsoleRoles.canTryRules(identity));
        try {
            return Templates.scenarioResults(version, scenarios.runAll(version), null);
        } catch (ProblemException e) {
            return Templates.scenarioResults(version, List.of(), ConsoleProblem.of(e));
        }
    }

    private TryRequest request(String event, String eventId, String lifetimeSpend, String orderCount) {
        boolean hasEvent = event != null && !event.isBlank();
        boolean hasId = eventId != null && !eventId.isBlank();
        if (hasEvent == hasId) {
            throw new Refused(ConsoleProblem.of("Give an event or the id of a stored event", "event",
                    hasEvent ? "give one of the two, not both" : "write an event as JSON, or give a stored event's id"));
        }
        JsonNode parsed = null;
        if (hasEvent) {
            try {
                parsed = json.readTree(event);
            } catch (JsonProcessingException e) {
                String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                        + ", column " + e.getLocation().getColumnNr();
                throw new Refused(ConsoleProblem.of("The event is not valid JSON", "event", e.getOriginalMessage() + where));
            }
        }
        BigDecimal spend = blank(lifetimeSpend) ? null : number(lifetimeSpend, "lifetimeSpend");
        Integer orders = blank(orderCount) ? null : number(orderCount, "orderCount").intValueExact();
        TryRequest.AssumedProfile profile = spend == null && orders == null ? null
                : new TryRequest.AssumedProfile(spend, orders, null, null, null, null, null);
        return new TryRequest(parsed, hasId ? eventId.strip() : null, profile);
    }

    private static BigDecimal number(String text, String field) {
        try {
            BigDecimal value = new BigDecimal(text.strip());
            boolean count = "orderCount".equals(field);
            if (value.signum() < 0 || (count && (value.stripTrailingZeros().scale() > 0
                    || value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0))) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new Refused(ConsoleProblem.of("The assumed profile is not valid", field,
                    "orderCount".equals(field) ? "must be a whole number, 0 or more" : "must be a number, 0 or more"));
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** Input the page itself refuses before asking the service. */
    private static final class Refused extends RuntimeException {
        final transient ConsoleProblem problem;

        Refused(ConsoleProblem problem) {
            super(problem.title(), null, false, false);
            this.problem = problem;
        }
    }
}
