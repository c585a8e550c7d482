package dev.beckon.console;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasSize;

import dev.beckon.support.ConsoleSession;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Registering a schema from the console takes a CSRF token and the role of someone who writes rules. */
@QuarkusTest
class CatalogConsoleGuardTest {

    private static final String SCHEMA = "{\"type\": \"object\", \"properties\": {\"total\": {\"type\": \"number\"}}}";

    @Test
    void refusesARegistrationWithoutTheTokenOrFromAMarketer() throws Exception {
        String type = unique("gift");
        Map<String, String> admin = ConsoleSession.signIn("admin", "test-admin-password");
        given().redirects().follow(false).cookies(admin).formParam("schema", SCHEMA)
                .post("/catalog/" + type + "/schemas").then().statusCode(400);

        String marketer = unique("marketer");
        String password = unique("pw");
        ConsoleSession.createUser(marketer, password, "marketer");
        Map<String, String> session = ConsoleSession.signIn(marketer, password);
        given().redirects().follow(false).cookies(session).formParam(ConsoleSession.CSRF_FIELD, session.get(ConsoleSession.CSRF_COOKIE))
                .formParam("schema", SCHEMA).post("/catalog/" + type + "/schemas").then().statusCode(403);
        given().redirects().follow(false).cookies(session).formParam(ConsoleSession.CSRF_FIELD, session.get(ConsoleSession.CSRF_COOKIE))
                .formParam("type", type).formParam("schema", SCHEMA).post("/catalog").then().statusCode(403);
        api().get("/api/event-types/" + type + "/schemas").then().statusCode(404);

        given().redirects().follow(false).cookies(admin).formParam(ConsoleSession.CSRF_FIELD, admin.get(ConsoleSession.CSRF_COOKIE))
                .formParam("type", type).formParam("schema", SCHEMA).post("/catalog").then().statusCode(303);
        api().get("/api/event-types/" + type + "/schemas").then().statusCode(200).body("$", hasSize(1));
    }
}
