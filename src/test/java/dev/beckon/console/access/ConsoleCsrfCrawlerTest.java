package dev.beckon.console.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.beckon.support.ConsoleSession;
import dev.beckon.support.Routes;
import dev.beckon.support.Routes.Route;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every console route that changes state (found in the compiled resources, see {@link Routes}) is
 * sent, by a signed-in admin, a form without the CSRF token, one with a wrong token, and a body in
 * another content type (the CSRF filter checks form posts only, so the action itself must refuse
 * anything else). All are refused, and no GET changes anything because none is a state change.
 */
@QuarkusTest
class ConsoleCsrfCrawlerTest {

    @Test
    void everyConsoleStateChangeWithoutTheCsrfTokenIsRefused() {
        List<Route> changes = Routes.console().stream().filter(Route::changesState).toList();
        assertThat(changes).hasSizeGreaterThan(20);
        Map<String, String> admin = ConsoleSession.signIn("admin", "test-admin-password");
        String wrongToken = ConsoleSession.wrongCsrfToken(admin);

        List<String> accepted = new ArrayList<>();
        for (Route route : changes) {
            String path = route.path().replaceAll("\\{[^}]+}", "1");
            int missing = given().redirects().follow(false).cookies(admin).formParam("comment", "no token")
                    .request(route.method(), path).statusCode();
            int wrong = given().redirects().follow(false).cookies(admin).formParam(ConsoleSession.CSRF_FIELD, wrongToken)
                    .formParam("comment", "wrong token").request(route.method(), path).statusCode();
            int plain = given().redirects().follow(false).cookies(admin).contentType(ContentType.TEXT)
                    .body(ConsoleSession.CSRF_FIELD + "=none&comment=x").request(route.method(), path).statusCode();
            if (missing != 400 || wrong != 400 || plain != 415) {
                accepted.add(route + ": without token " + missing + ", wrong token " + wrong + ", text/plain " + plain);
            }
        }
        assertThat(accepted).as("state changes not refused without a CSRF token").isEmpty();
        given().redirects().follow(false).cookies(admin).get("/").then().statusCode(200); // the admin's session still holds
    }
}
