package dev.beckon.security;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.beckon.support.ConsoleSession;
import dev.beckon.support.RuleSets;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With four-eyes publishing on, a draft's author cannot publish it; somebody else can. */
@QuarkusTest
@TestProfile(FourEyesPublishingTest.FourEyes.class)
class FourEyesPublishingTest {

    public static class FourEyes implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("beckon.security.four-eyes-publishing", "true");
        }
    }

    @Test
    void theAuthorOfADraftCannotPublishItButAReviewerCan() throws Exception {
        int draft = api().body(Map.of("drl", RuleSets.starterPack() + "\n// four eyes\n", "comment", "needs a reviewer"))
                .post("/api/rulesets").then().statusCode(201).extract().path("version");
        api().body(Map.of("comment", "my own work")).post("/api/rulesets/" + draft + "/publish")
                .then().statusCode(403).body("detail", containsString("someone else must publish it"));

        String author = unique("author");
        ConsoleSession.createUser(author, "author-password", "rule-developer,publisher");
        Map<String, String> session = ConsoleSession.signIn(author, "author-password");
        given().redirects().follow(false).cookies(session)
                .formParam(ConsoleSession.CSRF_FIELD, session.get(ConsoleSession.CSRF_COOKIE))
                .formParam("drl", RuleSets.starterPack() + "\n// by a person\n").formParam("comment", "mine")
                .post("/rules/editor").then().statusCode(303);
        int own = api().get("/api/rulesets").then().extract().path("find { it.createdBy == '" + author + "' }.version");
        given().cookies(session).get("/rules/versions/" + own).then().statusCode(200)
                .body(org.hamcrest.Matchers.not(containsString("Publish version " + own)));
        given().redirects().follow(false).cookies(session)
                .formParam(ConsoleSession.CSRF_FIELD, session.get(ConsoleSession.CSRF_COOKIE)).formParam("comment", "mine")
                .post("/rules/versions/" + own + "/publish").then().statusCode(403);

        String reviewer = api().body(Map.of("name", unique("reviewer"), "scopes", List.of("rules:publish")))
                .post("/api/api-keys").then().statusCode(201).extract().path("key");
        given().header("Authorization", "Bearer " + reviewer).contentType("application/json")
                .body(Map.of("comment", "reviewed")).post("/api/rulesets/" + draft + "/publish")
                .then().statusCode(200).body("status", equalTo("published"));
    }
}
