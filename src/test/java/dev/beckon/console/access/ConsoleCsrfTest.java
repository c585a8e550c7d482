package dev.beckon.console.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.beckon.support.ConsoleSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A console form's CSRF token belongs to the session it was handed to: a token and cookie taken from
 * another browser do not open this one's actions. A refused form answers a page that says it expired
 * and shows what was typed, rather than a blank 400.
 */
@QuarkusTest
class ConsoleCsrfTest {

    private static final String ADMIN = "admin";
    private static final String PASSWORD = "test-admin-password";

    @Test
    void tokenAndCookieOfAnotherBrowserAreRefusedInAnAdminSession() {
        Map<String, String> admin = ConsoleSession.signIn(ADMIN, PASSWORD);
        String othersToken = given().get("/login").then().statusCode(200).extract().cookie(ConsoleSession.CSRF_COOKIE);
        assertThat(othersToken).isNotNull().isNotEqualTo(admin.get(ConsoleSession.CSRF_COOKIE));
        Map<String, String> withOthersPair = new HashMap<>(admin);
        withOthersPair.put(ConsoleSession.CSRF_COOKIE, othersToken);

        given().redirects().follow(false).cookies(withOthersPair).formParam(ConsoleSession.CSRF_FIELD, othersToken)
                .post("/logout").then().statusCode(400);

        given().redirects().follow(false).cookies(admin).get("/").then().statusCode(200); // still signed in
    }

    @Test
    void tokenOfAnEarlierSessionIsRefusedAfterSigningInAgain() {
        Map<String, String> first = ConsoleSession.signIn(ADMIN, PASSWORD);
        Map<String, String> second = ConsoleSession.signIn(ADMIN, PASSWORD);
        Map<String, String> secondWithFirstPair = new HashMap<>(second);
        secondWithFirstPair.put(ConsoleSession.CSRF_COOKIE, first.get(ConsoleSession.CSRF_COOKIE));

        given().redirects().follow(false).cookies(secondWithFirstPair)
                .formParam(ConsoleSession.CSRF_FIELD, first.get(ConsoleSession.CSRF_COOKIE))
                .post("/logout").then().statusCode(400);
        given().redirects().follow(false).cookies(second).formParam(ConsoleSession.CSRF_FIELD, second.get(ConsoleSession.CSRF_COOKIE))
                .post("/logout").then().statusCode(303);
    }

    @Test
    void csrfCookieIsSameSiteStrictAndHttpOnly() {
        Map<String, String> session = ConsoleSession.sessionCookies(ADMIN, PASSWORD);
        var cookie = given().redirects().follow(false).cookies(session).get("/").then().statusCode(200)
                .extract().detailedCookie(ConsoleSession.CSRF_COOKIE);

        assertThat(cookie.getSameSite()).isEqualToIgnoringCase("Strict");
        assertThat(cookie.isHttpOnly()).isTrue();
    }

    @Test
    void refusedFormAnswersAPageThatSaysItExpiredAndKeepsWhatWasTyped() {
        Map<String, String> admin = ConsoleSession.signIn(ADMIN, PASSWORD);
        Response answer = given().redirects().follow(false).cookies(admin).header("Referer", "http://elsewhere.example/users?x=1")
                .formParam(ConsoleSession.CSRF_FIELD, ConsoleSession.wrongCsrfToken(admin))
                .formParam("username", "ada-lovelace-draft").formParam("password", "typed-secret-0123")
                .formParam("roles", "viewer").formParam("roles", "publisher")
                .post("/users");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("text/html");
        assertThat(answer.asString()).contains("This form has expired", "Nothing was changed", "ada-lovelace-draft",
                "viewer", "publisher", "href=\"/users?x=1\"").doesNotContain("typed-secret-0123");
        assertThat(answer.detailedCookie(ConsoleSession.CSRF_COOKIE).getValue())
                .as("the session's own token, handed out again so the form works when opened again")
                .isEqualTo(admin.get(ConsoleSession.CSRF_COOKIE));
        assertThat(given().cookies(admin).get("/users").then().statusCode(200).extract().asString())
                .doesNotContain("ada-lovelace-draft");
    }
}
