package dev.beckon.rules;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.event;
import static dev.beckon.support.Api.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import dev.beckon.support.RuleSets;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Trying a rule set on an event, and scenario tests that gate publishing. */
@QuarkusTest
class RuleAuthoringApiTest {

    private static final String ABANDONED_BIG_CART = """
            {"name": "Big abandoned cart gets 10%% off after 30 minutes",
             "given": [{"at": "10:00", "type": "cart.updated", "data": {"total": %s}}],
             "expect": [{"kind": "followup", "campaign": "abandoned-cart", "status": "fired", "at": "10:30", "percentOff": 10}]}
            """;

    @Inject
    ActiveRules active;

    @AfterEach
    void cleanUp() {
        List<Integer> ids = api().get("/api/scenarios").then().extract().jsonPath().getList("id");
        ids.forEach(id -> api().delete("/api/scenarios/" + id).then().statusCode(204));
        if (!api().get("/api/rulesets/" + active.version()).then().extract().<String>path("drl").equals(RuleSets.starterPack())) {
            RuleSets.restoreStarterPack();
        }
    }

    @Test
    void triesAnEventWithoutStoringAnything() {
        String customer = unique("c");
        api().body(Map.of("event", Map.of("id", unique("e"), "type", "cart.updated", "customerId", customer,
                        "data", Map.of("total", 150))))
                .post("/api/rulesets/" + active.version() + "/try").then().statusCode(200)
                .body("firedRules", contains("Abandoned cart reminder with offer"))
                .body("decisions", hasSize(1))
                .body("decisions[0].kind", equalTo("followup"))
                .body("decisions[0].details.offer.percentOff", equalTo(10.0f));

        api().get("/api/customers/" + customer).then().statusCode(404);
    }

    @Test
    void triesAnEventAgainstAnAssumedProfile() {
        api().body(Map.of("event", Map.of("id", unique("e"), "type", "order.completed", "customerId", unique("c"),
                        "data", Map.of("total", 100)), "profile", Map.of("lifetimeSpend", 950, "orderCount", 4)))
                .post("/api/rulesets/" + active.version() + "/try").then().statusCode(200)
                .body("decisions[0].campaign", equalTo("vip-loyalty"));
    }

    @Test
    void triesAStoredEvent() {
        String id = unique("e");
        api().body(event(id, "room.assigned", unique("c"), "{}")).post("/api/events").then().statusCode(202);

        api().body(Map.of("eventId", id)).post("/api/rulesets/" + active.version() + "/try").then().statusCode(200)
                .body("eventId", equalTo(id))
                .body("decisions[0].campaign", equalTo("late-checkout"));
    }

    @Test
    void refusesAnInvalidEventNamingTheField() {
        api().body(Map.of("event", Map.of("id", "e", "type", "cart.updated")))
                .post("/api/rulesets/" + active.version() + "/try").then().statusCode(400)
                .body("errors.field", contains("event.customerId"));
    }

    @Test
    void storesScenariosAndRunsThemAgainstAVersion() {
        int id = api().body(ABANDONED_BIG_CART.formatted(150)).post("/api/scenarios").then().statusCode(201)
                .extract().path("id");

        api().get("/api/scenarios/" + id).then().body("scenario.given[0].type", equalTo("cart.updated"));
        api().post("/api/rulesets/" + active.version() + "/scenarios/run").then().statusCode(200)
                .body("passed", contains(true))
                .body("[0].decisions[0].dueAt", equalTo("10:30"));
        api().body(ABANDONED_BIG_CART.formatted(150)).post("/api/scenarios").then().statusCode(409);
    }

    @Test
    void refusesAMisspeltFieldInsteadOfIgnoringIt() {
        api().body("""
                {"name": "typo", "given": [{"at": "10:00", "type": "cart.updated"}],
                 "expect": [{"kind": "offer", "percentof": 10}]}
                """).post("/api/scenarios").then().statusCode(400)
                .body("errors[0].field", equalTo("expect[0].percentof"))
                .body("errors[0].message", equalTo("is not a known field"));
    }

    @Test
    void refusesAnIncompleteScenarioNamingEachField() {
        api().body("""
                {"name": "", "given": [{"at": "25:99", "type": "Cart Updated"}], "expect": [{"kind": "coupon"}]}
                """).post("/api/scenarios").then().statusCode(400)
                .body("errors.field", contains("name", "given[0].at", "given[0].type", "expect[0].kind"));
        api().get("/api/scenarios").then().body("$", empty());
    }

    @Test
    void aVersionCannotBePublishedWhileAScenarioFails() {
        api().body(ABANDONED_BIG_CART.formatted(150)).post("/api/scenarios").then().statusCode(201);
        String withoutTheOffer = RuleSets.starterPack().replace(".withOffer(10, \"CART10\")", "");
        int version = api().body(Map.of("drl", withoutTheOffer, "comment", "no more discounts"))
                .post("/api/rulesets").then().statusCode(201).extract().path("version");
        int live = active.version();

        api().body(Map.of("comment", "try it")).post("/api/rulesets/" + version + "/publish").then().statusCode(422)
                .body("title", equalTo("Scenarios fail"))
                .body("errors[0].field", equalTo("scenarios[Big abandoned cart gets 10% off after 30 minutes]"))
                .body("errors[0].message", containsString("with 10.0% off"));
        api().get("/api/rulesets/" + live).then().body("status", equalTo("published"));

        api().post("/api/rulesets/" + version + "/scenarios/run").then().body("passed", hasItem(false));
    }

    @Test
    void listsTheLiveRulesWithWhatTheyReactToAndHowOftenTheyFired() {
        api().body(event(unique("e"), "room.assigned", unique("c"), "{}")).post("/api/events").then().statusCode(202);

        api().get("/api/rules").then().statusCode(200)
                .body("find { it.name == 'Hotel late checkout upsell' }.reactsTo", contains("room.assigned"))
                .body("find { it.name == 'Hotel late checkout upsell' }.decides", contains("offer late-checkout"))
                .body("find { it.name == 'Hotel late checkout upsell' }.enabled", equalTo(true))
                .body("find { it.name == 'Hotel late checkout upsell' }.stats.fired24h", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        api().get("/api/rules/Hotel late checkout upsell/stats?days=1").then().statusCode(200)
                .body("[0].firings", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        api().get("/api/rules/x/stats?days=0").then().statusCode(400);
    }

    @Test
    void diffsTwoVersionsAsTextAndRuleByRule() {
        int live = active.version();
        String changed = RuleSets.starterPack().replace("amountOff(20)", "amountOff(25)")
                + "\nrule \"Ping\"\nwhen\n    Event(type == \"test.ping\")\nthen\nend\n";
        int draft = api().body(Map.of("drl", changed)).post("/api/rulesets").then().statusCode(201).extract().path("version");

        api().get("/api/rulesets/" + live + "/diff/" + draft).then().statusCode(200)
                .body("unifiedDiff", containsString("+    decide.offer(\"late-checkout\").amountOff(25)"))
                .body("rules.find { it.name == 'Hotel late checkout upsell' }.change", equalTo("changed"))
                .body("rules.find { it.name == 'Ping' }.change", equalTo("added"))
                .body("rules.find { it.name == 'Welcome offer' }.change", equalTo("unchanged"));
    }
}
