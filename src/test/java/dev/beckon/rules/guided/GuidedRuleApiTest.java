package dev.beckon.rules.guided;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.event;
import static dev.beckon.support.Api.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.beckon.rules.ActiveRules;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class GuidedRuleApiTest {

    @Inject
    ActiveRules active;

    private static Map<String, Object> rule(String name, String campaign) {
        return Map.of("name", name, "trigger", "wishlist.added",
                "conditions", List.of(Map.of("on", "event", "field", "price", "operator", ">=", "value", "50")),
                "decision", Map.of("kind", "offer", "campaign", campaign, "amountOff", 5, "code", "WISH5"));
    }

    @Test
    void previewsTheGeneratedDrl() {
        api().body(rule("Wishlist nudge", "wishlist")).post("/api/guided-rules/preview").then().statusCode(200)
                .body("drl", containsString("Event(type == \"wishlist.added\", number(\"price\") >= 50)"))
                .body("drl", containsString("decide.offer(\"wishlist\").amountOff(5).code(\"WISH5\")"));
    }

    @Test
    void savingMakesADraftThatKeepsTheDefinitionAndDecides() {
        String name = "Wishlist " + unique("n");
        int draft = api().body(Map.of("rule", rule(name, "wishlist"))).post("/api/guided-rules").then().statusCode(201)
                .body("status", equalTo("draft")).extract().path("version");

        api().get("/api/guided-rules?version=" + draft).then().statusCode(200)
                .body("rule.name", hasItem(name))
                .body("find { it.rule.name == '" + name + "' }.drl", containsString("rule \"" + name + "\""));
        api().get("/api/rulesets/" + draft).then().body("drl", containsString("// guided rule \"" + name + "\""));
        api().body(Map.of("event", Map.of("id", unique("e"), "type", "wishlist.added", "customerId", unique("c"),
                        "data", Map.of("price", 80))))
                .post("/api/rulesets/" + draft + "/try").then().statusCode(200)
                .body("firedRules", contains(name));

        int removed = api().delete("/api/guided-rules/" + name + "?baseVersion=" + draft).then().statusCode(201)
                .extract().path("version");
        api().get("/api/rulesets/" + removed).then().body("drl", not(containsString(name)));
        api().get("/api/guided-rules?version=" + removed).then().body("rule.name", not(hasItem(name)));
    }

    @Test
    void aGuidedRuleEditedByHandBecomesAnOrdinaryRule() {
        String name = "Wishlist " + unique("n");
        int draft = api().body(Map.of("rule", rule(name, "wishlist"))).post("/api/guided-rules").then().statusCode(201)
                .extract().path("version");
        String text = api().get("/api/rulesets/" + draft).then().extract().path("drl");

        int unchanged = api().body(Map.of("drl", text, "basedOn", draft)).post("/api/rulesets").then().statusCode(201)
                .extract().path("version");
        int edited = api().body(Map.of("drl", text.replace("amountOff(5)", "amountOff(7)"), "basedOn", draft))
                .post("/api/rulesets").then().statusCode(201).extract().path("version");

        api().get("/api/guided-rules?version=" + unchanged).then().body("rule.name", hasItem(name));
        api().get("/api/guided-rules?version=" + edited).then().body("rule.name", not(hasItem(name)));
    }

    @Test
    void refusesAnIncompleteRuleNamingTheFields() {
        api().body(Map.of("rule", Map.of("name", "x", "trigger", "wishlist.added",
                        "decision", Map.of("kind", "offer", "campaign", "w"))))
                .post("/api/guided-rules").then().statusCode(400)
                .body("errors.field", contains("decision.percentOff"));
        api().body(Map.of("rule", Map.of("name", "Abandoned cart reminder", "trigger", "cart.updated",
                        "decision", Map.of("kind", "offer", "campaign", "w", "percentOff", 5))))
                .post("/api/guided-rules").then().statusCode(409);
    }

    @Test
    void offersTheFieldsRecentEventsOfATypeCarried() {
        api().body(event(unique("e"), "wishlist.viewed", unique("c"),
                "{\"price\": 12.5, \"sku\": \"shoe-1\", \"gift\": true, \"tags\": [{\"name\": \"red\"}]}"))
                .post("/api/events").then().statusCode(202);

        api().get("/api/event-types").then().statusCode(200).body("type", hasItem("wishlist.viewed"));
        api().get("/api/event-types/wishlist.viewed/fields").then().statusCode(200)
                .body("find { it.path == 'price' }.type", equalTo("number"))
                .body("find { it.path == 'sku' }.example", equalTo("shoe-1"))
                .body("find { it.path == 'gift' }.type", equalTo("boolean"))
                .body("find { it.path == 'tags[0].name' }.type", equalTo("text"));
        api().get("/api/event-types/never.seen/fields").then().statusCode(200).body("$", empty());
    }
}
