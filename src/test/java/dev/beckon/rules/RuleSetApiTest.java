package dev.beckon.rules;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.event;
import static dev.beckon.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.beckon.support.RuleSets;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RuleSetApiTest {

    private static final String PING_RULE = """

            rule "Ping offer"
            when
                Event(type == "test.ping")
            then
                decide.offer("ping").amountOff(1);
            end
            """;

    @Inject
    ActiveRules active;

    @AfterEach
    void restoreStarterPack() {
        RuleSets.restoreStarterPack();
    }

    @Test
    void refusesRulesThatDoNotCompileWithTheLineAndKeepsServingTheOldVersion() {
        int serving = active.version();
        int before = api().get("/api/rulesets").then().extract().jsonPath().getList("$").size();
        String broken = """
                rule "Fine"
                when
                    Event(type == "a")
                then
                end

                rule "Typo"
                when
                    Event(typo == "a")
                then
                end
                """;

        api().body(Map.of("drl", broken)).post("/api/rulesets").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("drl"))
                .body("errors[0].line", equalTo(9))
                .body("errors[0].message", containsString("typo"));

        assertThat(api().get("/api/rulesets").then().extract().jsonPath().getList("$")).hasSize(before);
        assertThat(active.version()).isEqualTo(serving);
        String customer = unique("c");
        api().body(event(unique("e"), "room.assigned", customer, "{}")).post("/api/events").then().statusCode(202)
                .body("results[0].decisions", equalTo(1));
    }

    @Test
    void refusesRuleTextThatReachesBeyondTheVocabulary() {
        String escape = """
                rule "Sneaky"
                when
                    Event(type == "cart.updated")
                then
                    System.exit(1);
                end
                """;
        api().body(Map.of("drl", escape)).post("/api/rulesets").then().statusCode(422)
                .body("title", equalTo("Rule text is not allowed"))
                .body("errors[0].line", equalTo(5))
                .body("errors[0].message", containsString("System"));
    }

    @Test
    void validatesWithoutStoring() {
        api().body(Map.of("drl", "rule \"x\" when Event( then end")).post("/api/rulesets/validate").then()
                .statusCode(200).body("valid", equalTo(false)).body("errors[0].line", equalTo(1));
        api().body(Map.of("drl", PING_RULE)).post("/api/rulesets/validate").then()
                .statusCode(200).body("valid", equalTo(true));
    }

    @Test
    void aPublishedVersionDecidesAndAnEarlierOneCanBeRolledBackTo() {
        int previous = active.version();
        int version = RuleSets.publishStarterPackWith(PING_RULE);
        assertThat(active.version()).isEqualTo(version);

        String customer = unique("c");
        api().body(event(unique("e"), "test.ping", customer, "{}")).post("/api/events").then().statusCode(202);
        api().get("/api/customers/" + customer + "/decisions").then()
                .body("[0].rule", equalTo("Ping offer"))
                .body("[0].ruleSetVersion", equalTo(version));
        api().get("/api/rulesets/" + previous).then().body("status", equalTo("archived"));

        api().body(Map.of("comment", "roll back")).post("/api/rulesets/" + previous + "/publish").then()
                .statusCode(200).body("status", equalTo("published"));
        assertThat(active.version()).isEqualTo(previous);
        api().get("/api/rulesets").then().body("status", hasItem("published"));
        String other = unique("c");
        api().body(event(unique("e"), "test.ping", other, "{}")).post("/api/events").then().statusCode(202)
                .body("results[0].decisions", equalTo(0));
    }

    @Test
    void refusesToPublishTheLiveVersionOrOneThatDoesNotExist() {
        api().body(Map.of("comment", "again")).post("/api/rulesets/" + active.version() + "/publish").then().statusCode(409);
        api().body(Map.of("comment", "ghost")).post("/api/rulesets/999999/publish").then().statusCode(404);
    }

    @Test
    void publishingNeedsAReasonAndIsAudited() {
        int version = api().body(Map.of("drl", RuleSets.starterPack(), "comment", "same rules"))
                .post("/api/rulesets").then().statusCode(201).extract().path("version");

        api().body(Map.of()).post("/api/rulesets/" + version + "/publish").then().statusCode(400)
                .body("errors[0].field", equalTo("comment"));
        api().body(Map.of("comment", "  ")).post("/api/rulesets/" + version + "/publish").then().statusCode(400);

        api().body(Map.of("comment", "Black Friday thresholds")).post("/api/rulesets/" + version + "/publish")
                .then().statusCode(200).body("publishComment", equalTo("Black Friday thresholds"))
                .body("comment", equalTo("same rules"));
        api().get("/api/audit").then().statusCode(200)
                .body("find { it.action == 'ruleset.published' && it.target == 'ruleset:" + version + "' }.details.comment",
                        equalTo("Black Friday thresholds"))
                .body("find { it.action == 'ruleset.published' && it.target == 'ruleset:" + version + "' }.actor",
                        equalTo("key:BECKON_API_KEY"));
    }
}
