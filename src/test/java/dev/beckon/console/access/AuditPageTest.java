package dev.beckon.console.access;

import static dev.beckon.support.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.beckon.support.ConsoleSession;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The audit page: what happened, newest first, narrowed by actor, action and target, a page at a time. */
@QuarkusTest
class AuditPageTest {

    @Test
    void showsTheSignInsAndFailuresOfOneUserNewestFirstAndPagesOlderOnes() throws Exception {
        String user = unique("audited");
        ConsoleSession.createUser(user, "an-audited-password", "viewer");
        for (int attempt = 0; attempt < 3; attempt++) {
            given().redirects().follow(false).formParam("j_username", user).formParam("j_password", "wrong")
                    .post("/j_security_check").then().statusCode(302);
        }
        ConsoleSession.signIn(user, "an-audited-password");
        Map<String, String> admin = ConsoleSession.signIn("admin", "test-admin-password");

        String page = given().cookies(admin).queryParam("action", "login").queryParam("target", "console-user:" + user)
                .get("/audit").then().statusCode(200).extract().asString();
        String rows = page.substring(page.indexOf("<tbody>"), page.indexOf("</tbody>"));
        assertThat(rows.split("<tr>", -1)).hasSize(5); // four entries
        assertThat(rows.indexOf("<code>login</code>")).as("the sign-in, newest, first")
                .isLessThan(rows.indexOf("<code>login.failed</code>"));
        assertThat(rows).contains("wrong user name or password").doesNotContain("audited-password");

        String none = given().cookies(admin).queryParam("actor", "nobody-" + user).get("/audit")
                .then().statusCode(200).extract().asString();
        assertThat(none).contains("Nothing matches.");
        // Filters are prefixes, not patterns: a % matches only a %.
        assertThat(given().cookies(admin).queryParam("target", "%").get("/audit").then().extract().asString())
                .contains("Nothing matches.");

        String guesser = unique("nobody");
        for (int attempt = 0; attempt <= 50; attempt++) { // more than a page: 5 failed sign-ins, then refused ones
            given().redirects().follow(false).formParam("j_username", guesser).formParam("j_password", "guess")
                    .post("/j_security_check").then().statusCode(302);
        }
        String first = given().cookies(admin).get("/audit").then().statusCode(200).extract().asString();
        assertThat(first).contains("Older").doesNotContain(">Newer<");
        String second = given().cookies(admin).queryParam("page", 1).get("/audit").then().statusCode(200).extract().asString();
        assertThat(second).contains(">Newer<");
    }
}
