package dev.beckon.support;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.event;
import static dev.beckon.support.Api.unique;

import java.util.List;
import java.util.Map;

/** Escalations raised the way customers raise them: an event the starter pack escalates. */
public final class Escalations {

    /** A goodwill offer after a refund: the example in docs/rules.md, for tests that check the rules hear of a resolution. */
    public static final String GOODWILL_AFTER_REFUND = """

            rule "Goodwill after a refund"
            when
                Event(type == "escalation.resolved", text("outcome") == "refunded")
            then
                decide.offer("goodwill").percentOff(15).code("SORRY15").channel("email").validFor("30d")
                      .message("We are sorry for the trouble. Here is 15% off your next order.");
            end
            """;

    private Escalations() {
    }

    /** Negative feedback from {@code customer} (a high-priority escalation to the support queue); returns its id. */
    public static String negativeFeedback(String customer) {
        api().body(event(unique("e"), "feedback.submitted", customer, "{\"rating\": 1, \"comment\": \"Broken on arrival\"}"))
                .post("/api/events").then().statusCode(202);
        return latest(customer, "escalation");
    }

    /** The id of the customer's latest decision of this kind. */
    public static String latest(String customer, String kind) {
        List<Map<String, Object>> decisions = api().get("/api/customers/{id}/decisions", customer).jsonPath().getList("$");
        return decisions.stream().filter(d -> kind.equals(d.get("kind"))).findFirst()
                .map(d -> d.get("id").toString()).orElseThrow(() -> new AssertionError("no " + kind + " for " + customer));
    }
}
