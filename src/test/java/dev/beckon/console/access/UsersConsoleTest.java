package dev.beckon.console.access;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;

import dev.beckon.support.ConsoleSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An admin manages console users: create, change roles, disable, enable, reset a password; never locks themselves out. */
@QuarkusTest
class UsersConsoleTest {

    private static final String PASSWORD = "a-first-password";

    @Test
    void anAdminCreatesAUserChangesTheirRolesDisablesAndEnablesThem() {
        String adminName = unique("admin");
        Map<String, String> admin = newAdmin(adminName);
        String user = unique("dana");
        post(admin).formParam("username", user).formParam("password", PASSWORD).formParam("roles", "viewer")
                .post("/users").then().statusCode(303).header("Location", containsString("/users/" + user));

        Map<String, String> dana = ConsoleSession.signIn(user, PASSWORD);
        given().redirects().follow(false).cookies(dana).get("/rules/editor").then().statusCode(403);
        post(admin).formParam("roles", "viewer").formParam("roles", "rule-developer")
                .post("/users/" + user + "/roles").then().statusCode(303);
        given().redirects().follow(false).cookies(dana).get("/rules/editor").then().statusCode(200); // at the next request

        post(admin).post("/users/" + user + "/disable").then().statusCode(303);
        given().redirects().follow(false).cookies(dana).get("/rules").then().statusCode(302); // signed out at once
        given().redirects().follow(false).formParam("j_username", user).formParam("j_password", PASSWORD)
                .post("/j_security_check").then().statusCode(302).header("Location", containsString("error=true"));

        post(admin).post("/users/" + user + "/enable").then().statusCode(303);
        Map<String, String> again = ConsoleSession.signIn(user, PASSWORD);
        post(admin).formParam("password", "a-second-password").post("/users/" + user + "/password")
                .then().statusCode(303);
        given().redirects().follow(false).cookies(again).get("/rules").then().statusCode(302); // a reset ends sessions
        ConsoleSession.signIn(user, "a-second-password");

        api().get("/api/audit?limit=50").then().body("findAll { it.target == 'console-user:" + user + "' && it.actor == '"
                + adminName + "' }.action", hasItems("console-user.created", "console-user.roles-changed",
                "console-user.disabled", "console-user.enabled", "console-user.password-reset"));
    }

    @Test
    void anAdminCannotRemoveTheirOwnAdminRoleNorDisableThemselves() {
        String adminName = unique("admin");
        Map<String, String> admin = newAdmin(adminName);
        post(admin).formParam("roles", "viewer").post("/users/" + adminName + "/roles")
                .then().statusCode(409).body(containsString("You cannot remove your own admin role"));
        post(admin).post("/users/" + adminName + "/disable")
                .then().statusCode(409).body(containsString("You cannot disable yourself"));
        given().redirects().follow(false).cookies(admin).get("/users").then().statusCode(200);
    }

    @Test
    void refusesAWeakPasswordAnUnknownRoleAndATakenName() {
        Map<String, String> admin = newAdmin(unique("admin"));
        String user = unique("erin");
        post(admin).formParam("username", user).formParam("password", "short").formParam("roles", "viewer")
                .post("/users").then().statusCode(400).body(containsString("at least 12 characters"));
        post(admin).formParam("username", user).formParam("password", PASSWORD).formParam("roles", "superuser")
                .post("/users").then().statusCode(400).body(containsString("must be one or more of"));
        post(admin).formParam("username", "admin").formParam("password", PASSWORD).formParam("roles", "viewer")
                .post("/users").then().statusCode(409);
    }

    private static Map<String, String> newAdmin(String name) {
        try {
            ConsoleSession.createUser(name, PASSWORD, "admin");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return ConsoleSession.signIn(name, PASSWORD);
    }

    private static RequestSpecification post(Map<String, String> session) {
        return given().redirects().follow(false).cookies(session)
                .formParam(ConsoleSession.CSRF_FIELD, session.get(ConsoleSession.CSRF_COOKIE));
    }
}
