package dev.beckon.security;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.beckon.support.ConsoleSession;
import dev.beckon.support.MovableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Console sessions as a security review looks at them: sign-out ends the session on the server,
 * each sign-in gets a new session, idle and absolute timeouts on Beckon's clock, cookie flags,
 * and failed sign-ins slowed down per user name and address, all in the audit log.
 */
@QuarkusTest
class ConsoleSignInTest {

    @Inject
    MovableClock clock;

    @AfterEach
    void putTheClockBack() {
        clock.reset();
    }

    @Test
    void aCookieKeptFromBeforeTheSignOutIsRefused() throws Exception {
        String user = viewer();
        Map<String, String> session = ConsoleSession.signIn(user, "long-enough-password");
        given().redirects().follow(false).cookies(session).get("/rules").then().statusCode(200);

        given().redirects().follow(false).cookies(session).formParam(ConsoleSession.CSRF_FIELD, session.get(ConsoleSession.CSRF_COOKIE))
                .post("/logout").then().statusCode(303).header("Location", containsString("/login"));

        assertSignedOut(given().redirects().follow(false).cookies(session).get("/rules"));
        assertAudited("logout", user);
    }

    @Test
    void everySignInStartsANewSessionAndEndsTheOneItReplaces() throws Exception {
        String user = viewer();
        Map<String, String> first = ConsoleSession.sessionCookies(user, "long-enough-password");
        Map<String, String> second = given().redirects().follow(false).cookies(first)
                .formParam("j_username", user).formParam("j_password", "long-enough-password")
                .post("/j_security_check").then().statusCode(302).extract().cookies();

        assertThat(second.get(ConsoleSession.SERVER_SESSION_COOKIE)).isNotEqualTo(first.get(ConsoleSession.SERVER_SESSION_COOKIE));
        given().redirects().follow(false).cookies(second).get("/rules").then().statusCode(200);
        assertSignedOut(given().redirects().follow(false).cookies(first).get("/rules"));
    }

    @Test
    void aSessionLeftIdleLongerThanThirtyMinutesHasEnded() throws Exception {
        Map<String, String> session = ConsoleSession.signIn(viewer(), "long-enough-password");
        clock.advance(Duration.ofMinutes(29));
        given().redirects().follow(false).cookies(session).get("/rules").then().statusCode(200);
        clock.advance(Duration.ofMinutes(29));
        given().redirects().follow(false).cookies(session).get("/rules").then().statusCode(200);

        clock.advance(Duration.ofMinutes(31));
        assertSignedOut(given().redirects().follow(false).cookies(session).get("/rules"));
        clock.reset();
        assertSignedOut(given().redirects().follow(false).cookies(session).get("/rules")); // ended, not merely late
    }

    @Test
    void aBusySessionStillEndsTwelveHoursAfterItsSignIn() throws Exception {
        Map<String, String> session = ConsoleSession.signIn(viewer(), "long-enough-password");
        for (int step = 1; step * 25 < 12 * 60; step++) {
            clock.advance(Duration.ofMinutes(25));
            given().redirects().follow(false).cookies(session).get("/").then().statusCode(200);
        }
        clock.advance(Duration.ofMinutes(25));
        assertSignedOut(given().redirects().follow(false).cookies(session).get("/"));
    }

    @Test
    void sessionCookiesAreHttpOnlyAndStrictAndSecureWhenTheProxySaysHttps() throws Exception {
        String user = viewer();
        List<String> plain = signInHeaders(user, "http");
        assertThat(plain).filteredOn(c -> c.startsWith("quarkus-credential=") || c.startsWith("beckon-session="))
                .hasSize(2).allMatch(c -> c.contains("HTTPOnly") && c.contains("SameSite=Strict") && !c.contains("Secure"));
        List<String> overTls = signInHeaders(user, "https");
        assertThat(overTls).filteredOn(c -> c.startsWith("quarkus-credential=") || c.startsWith("beckon-session="))
                .hasSize(2).allMatch(c -> c.contains("HTTPOnly") && c.contains("SameSite=Strict") && c.contains("Secure"));
    }

    @Test
    void theSixthSignInInARowIsRefusedEvenWithTheRightPasswordUntilTheLockoutPasses() throws Exception {
        String user = viewer();
        for (int attempt = 1; attempt <= 5; attempt++) {
            signInFrom("203.0.113.7", user, "wrong-password-" + attempt).then().statusCode(302)
                    .header("Location", containsString("/login?error=true"));
        }
        Response refused = signInFrom("203.0.113.7", user, "long-enough-password");
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.header("Location")).contains("/login?error=true");
        assertThat(refused.cookies()).doesNotContainKey(ConsoleSession.SERVER_SESSION_COOKIE)
                .containsEntry(SessionCookies.LOGIN_NOTICE, SessionCookies.THROTTLED);
        given().cookie(SessionCookies.LOGIN_NOTICE, SessionCookies.THROTTLED).get("/login?error=true")
                .then().statusCode(200).body(containsString("Too many failed sign-ins"));
        given().get("/login?error=true").then().statusCode(200).body(not(containsString("Too many failed sign-ins")));

        // Another address is not held back by someone else's guessing.
        signInFrom("198.51.100.9", user, "long-enough-password").then().statusCode(302)
                .cookie(ConsoleSession.SERVER_SESSION_COOKIE);

        clock.advance(Duration.ofMinutes(16));
        signInFrom("203.0.113.7", user, "long-enough-password").then().statusCode(302)
                .cookie(ConsoleSession.SERVER_SESSION_COOKIE);
        api().get("/api/audit?limit=5000").then().statusCode(200)
                .body("findAll { it.target == 'console-user:" + user + "' && it.remote == '203.0.113.7' }.action",
                        org.hamcrest.Matchers.hasItems("login.failed", "login.throttled", "login"));
    }

    private static Response signInFrom(String address, String user, String password) {
        return given().redirects().follow(false).header("X-Forwarded-For", address)
                .formParam("j_username", user).formParam("j_password", password).post("/j_security_check");
    }

    private static List<String> signInHeaders(String user, String scheme) {
        return given().redirects().follow(false).header("X-Forwarded-Proto", scheme)
                .formParam("j_username", user).formParam("j_password", "long-enough-password")
                .post("/j_security_check").then().statusCode(302).extract().headers().getValues("Set-Cookie");
    }

    /** A request of an ended session goes to the sign-in page, and the answer clears its cookies. */
    private static void assertSignedOut(Response answer) {
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.header("Location")).endsWith("/login");
        assertThat(answer.headers().getValues("Set-Cookie"))
                .anyMatch(c -> c.startsWith(ConsoleSession.SERVER_SESSION_COOKIE + "=;") && c.contains("Max-Age=0"));
    }

    private static void assertAudited(String action, String user) {
        api().get("/api/audit?limit=500").then().statusCode(200)
                .body("findAll { it.actor == '" + user + "' }.action", org.hamcrest.Matchers.hasItems("login", action));
    }

    private static String viewer() throws Exception {
        String user = unique("signin");
        ConsoleSession.createUser(user, "long-enough-password", "viewer");
        return user;
    }
}
