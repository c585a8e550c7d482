package dev.beckon.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.beckon.support.ConsoleSession;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * A page on another site cannot post the sign-in form: it would sign the visitor's browser in to an
 * account the attacker chose (login CSRF), and what the visitor then enters lands in that account.
 */
@QuarkusTest
class LoginCsrfTest {

    @TestHTTPResource("/")
    URL beckon;

    @Test
    void signInFromAnotherOriginIsRefused() {
        Response answer = signIn("https://attacker.example");

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.cookies()).doesNotContainKeys(ConsoleSession.SESSION_COOKIE, ConsoleSession.SERVER_SESSION_COOKIE);
    }

    @Test
    void signInFromASiblingSiteIsRefused() {
        Response answer = signIn(beckon.getProtocol() + "://other." + beckon.getHost() + ":" + beckon.getPort());

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.cookies()).doesNotContainKeys(ConsoleSession.SESSION_COOKIE, ConsoleSession.SERVER_SESSION_COOKIE);
    }

    @Test
    void signInFromBeckonsOwnPageSignsIn() {
        Response answer = signIn(beckon.getProtocol() + "://" + beckon.getHost() + ":" + beckon.getPort());

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.cookies()).containsKeys(ConsoleSession.SESSION_COOKIE, ConsoleSession.SERVER_SESSION_COOKIE);
    }

    private static Response signIn(String origin) {
        return given().redirects().follow(false).header("Origin", origin)
                .formParam("j_username", "admin").formParam("j_password", "test-admin-password")
                .post("/j_security_check");
    }
}
