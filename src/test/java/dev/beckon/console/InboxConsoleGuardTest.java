package dev.beckon.console;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.beckon.support.ConsoleSession;
import dev.beckon.support.Escalations;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The inbox is for those who work escalations, and its actions take a CSRF token. */
@QuarkusTest
class InboxConsoleGuardTest {

    @Test
    void aMarketerNeitherSeesNorWorksTheInbox() throws Exception {
        String id = Escalations.negativeFeedback(unique("c"));
        Map<String, String> marketer = session("marketer");

        given().redirects().follow(false).cookies(marketer).get("/inbox").then().statusCode(403);
        given().redirects().follow(false).cookies(marketer).get("/inbox/rows").then().statusCode(403);
        given().redirects().follow(false).cookies(marketer).get("/inbox/" + id).then().statusCode(403);
        given().redirects().follow(false).cookies(marketer).formParam(ConsoleSession.CSRF_FIELD, marketer.get(ConsoleSession.CSRF_COOKIE))
                .post("/inbox/" + id + "/claim").then().statusCode(403);
        api().get("/api/escalations/" + id).then().body("escalation.status", equalTo("open"));
    }

    @Test
    void supportClaimsWithTheTokenAndIsRefusedWithoutIt() throws Exception {
        String id = Escalations.negativeFeedback(unique("c"));
        String user = unique("support");
        String password = unique("pw");
        ConsoleSession.createUser(user, password, "support");
        Map<String, String> support = ConsoleSession.signIn(user, password);

        given().redirects().follow(false).cookies(support).get("/inbox").then().statusCode(200);
        given().redirects().follow(false).cookies(support).post("/inbox/" + id + "/claim").then().statusCode(400);
        api().get("/api/escalations/" + id).then().body("escalation.status", equalTo("open"));

        given().redirects().follow(false).cookies(support).formParam(ConsoleSession.CSRF_FIELD, support.get(ConsoleSession.CSRF_COOKIE))
                .post("/inbox/" + id + "/claim").then().statusCode(303);
        api().get("/api/escalations/" + id).then().body("escalation.assignee", equalTo(user));
    }

    private static Map<String, String> session(String roles) throws Exception {
        String user = unique(roles);
        String password = unique("pw");
        ConsoleSession.createUser(user, password, roles);
        return ConsoleSession.signIn(user, password);
    }
}
