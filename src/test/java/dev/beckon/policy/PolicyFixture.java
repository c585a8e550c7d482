package dev.beckon.policy;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.event;
import static dev.beckon.support.Api.unique;
import static org.awaitility.Awaitility.await;

import dev.beckon.support.RuleSets;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Offers for policy tests: a rule that makes an offer of whatever campaign, amount and channel the
 * event names, so each test steers its own campaign without touching the starter pack's.
 */
final class PolicyFixture {

    static final String RULE = """

            rule "Policy test offer"
            when
                $e : Event(type == "policy.test")
            then
                decide.offer($e.text("campaign")).amountOff($e.number("off")).code("RULE10")
                      .channel($e.text("channel")).validFor("7d");
            end
            """;

    private PolicyFixture() {
    }

    static void publishRule() {
        RuleSets.publishStarterPackWith(RULE);
    }

    static String campaignName(String prefix) {
        return unique(prefix).toLowerCase(Locale.ROOT);
    }

    /** Registers a running campaign with no control group and these settings. */
    static void campaign(String name, Map<String, Object> settings) {
        campaign(name, 0, settings);
    }

    static void campaign(String name, int holdoutPercent, Map<String, Object> settings) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("status", "running");
        body.put("holdoutPercent", holdoutPercent);
        body.put("settings", settings);
        api().body(body).post("/api/campaigns").then().statusCode(201);
    }

    /** Sends an event that makes one offer of {@code campaign}, and returns the event's id. */
    static String offer(String customer, String campaign, int amountOff, String channel, String extraData) {
        String id = unique("e");
        api().body(event(id, "policy.test", customer, """
                {"campaign": "%s", "off": %d, "channel": "%s"%s}""".formatted(campaign, amountOff, channel,
                extraData.isEmpty() ? "" : ", " + extraData)))
                .post("/api/events").then().statusCode(202);
        return id;
    }

    static String offer(String customer, String campaign) {
        return offer(customer, campaign, 20, "email", "");
    }

    /** The customer's decisions, newest first, once every one of the {@code expected} is judged. */
    static JsonPath judged(String customer, int expected) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<String> outcomes = why(customer).getList("decisions.outcome");
            return outcomes.size() == expected && !outcomes.contains("planning");
        });
        return why(customer);
    }

    static JsonPath why(String customer) {
        return api().get("/api/customers/" + customer + "/why").then().statusCode(200).extract().jsonPath();
    }

    static void setPolicy(Map<String, Object> policy) {
        api().body(policy).put("/api/policy").then().statusCode(200);
    }

    static void clearPolicy() {
        setPolicy(Map.of("caps", List.of()));
    }
}
