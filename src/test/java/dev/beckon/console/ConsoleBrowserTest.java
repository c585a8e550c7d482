package dev.beckon.console;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;

import dev.beckon.support.ConsoleSession;
import dev.beckon.support.BrowserTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The console as a person uses it, in a real headless Chromium: sign-in, the dashboard, sign-out. */
@QuarkusTest
class ConsoleBrowserTest extends BrowserTest {

    private static final String ADMIN = "admin";
    private static final String PASSWORD = "test-admin-password";
    @BeforeEach
    void startSignedOut() {
        browser.signedOut();
    }

    @Test
    void anonymousVisitToTheDashboardEndsOnTheSignInPage() {
        browser.open("/").awaitPath("/login");

        assertThat(browser.heading()).isEqualTo("Sign in to Beckon");
        assertThat(browser.field("User name").isDisplayed()).isTrue();
        assertThat(browser.field("Password").getDomAttribute("type")).isEqualTo("password");
        assertThat(browser.buttons("Sign out")).isEmpty();
    }

    @Test
    void wrongPasswordShowsTheErrorAndNoDashboard() {
        signIn(ADMIN, "not-the-password");
        browser.waitUntil(d -> "/login".equals(browser.path()) && "error=true".equals(browser.query()));
        browser.awaitLoaded();

        assertThat(browser.allWithRole("alert")).singleElement().extracting(WebElement::getText)
                .isEqualTo("That user name and password did not match.");
        assertThat(browser.heading()).isEqualTo("Sign in to Beckon");
        assertThat(browser.allLabelled("Counts")).isEmpty();
        assertThat(browser.buttons("Sign out")).isEmpty();

        browser.open("/").awaitPath("/login");
    }

    @Test
    void signedInAdminSeesANewDecisionAndTheCountsOnTheDashboard() {
        signIn(ADMIN, PASSWORD);
        browser.awaitPath("/");
        assertThat(browser.heading()).isEqualTo("Dashboard");
        assertThat(browser.labelled("Main").getText()).contains("Dashboard");
        assertThat(browser.button("Sign out").isDisplayed()).isTrue();
        long eventsBefore = count("Events stored");
        long followUpsBefore = count("Follow-ups decided");

        String customer = unique("c");
        String eventId = unique("e");
        postEvent(eventId, "cart.updated", customer, 150);

        WebElement row = awaitDecisionRow(customer);
        assertThat(row.getText()).contains("followup", "Abandoned cart reminder with offer", "abandoned-cart", eventId);
        assertThat(count("Events stored")).isGreaterThan(eventsBefore);
        assertThat(count("Follow-ups decided")).isGreaterThan(followUpsBefore);
        assertThat(browser.labelled("Counts").getText()).contains("pending", "open", "dead letters");
        assertThat(browser.driver().findElement(By.tagName("main")).getText())
                .contains("Rule set version", "is live", "RabbitMQ:");

        browser.screenshot(Path.of("target", "screenshots", "dashboard.png"));
    }

    @Test
    void eventDataIsShownAsTextNeverRunAsMarkup() {
        String mark = unique("x");
        String imgCustomer = mark + " <img src=x onerror=\"window.__xss=1\">";
        String scriptCustomer = mark + " <script>window.__xss=2</script>";
        String scriptEventId = mark + "<svg onload=\"window.__xss=3\"></svg>";
        postEvent(unique("e"), "cart.updated", imgCustomer, 150);
        postEvent(scriptEventId, "cart.updated", scriptCustomer, 150);

        signIn(ADMIN, PASSWORD);
        browser.awaitPath("/");
        awaitDecisionRow(imgCustomer);
        awaitDecisionRow(scriptCustomer);

        assertThat(browser.script("return typeof window.__xss")).isEqualTo("undefined");
        WebElement table = browser.labelled("Latest decisions");
        assertThat(table.getText()).contains(imgCustomer, scriptCustomer, scriptEventId);
        assertThat(table.findElements(By.cssSelector("img, script, svg"))).isEmpty();
    }

    @Test
    void signingOutReturnsToSignInAndTheDashboardAsksForItAgain() {
        signIn(ADMIN, PASSWORD);
        browser.awaitPath("/");

        browser.button("Sign out").click();
        browser.awaitPath("/login");
        assertThat(browser.heading()).isEqualTo("Sign in to Beckon");
        assertThat(browser.driver().manage().getCookieNamed(ConsoleSession.SESSION_COOKIE)).isNull();

        browser.open("/").awaitPath("/login");
        assertThat(browser.buttons("Sign out")).isEmpty();
    }

    @Test
    void signOutFormWithoutItsCsrfTokenIsRefused() {
        signIn(ADMIN, PASSWORD);
        browser.awaitPath("/");

        browser.script("document.querySelector('form.logout input[type=hidden]').remove()");
        browser.button("Sign out").click();
        browser.waitUntil(d -> "/logout".equals(browser.path()));
        browser.awaitLoaded();

        browser.open("/").awaitPath("/");
        assertThat(browser.heading()).isEqualTo("Dashboard");
    }

    @Test
    void logoutPostWithoutTheCsrfTokenIsRefusedAndTheSessionStays() {
        Map<String, String> cookies = ConsoleSession.signIn(ADMIN, PASSWORD);
        String token = cookies.get(ConsoleSession.CSRF_COOKIE);

        given().redirects().follow(false).cookies(cookies).formParam("other", "x")
                .post("/logout").then().statusCode(400);
        given().redirects().follow(false).cookies(cookies).formParam(ConsoleSession.CSRF_FIELD, token.substring(1) + "A")
                .post("/logout").then().statusCode(400);
        // The CSRF filter checks form posts only; a cross-site page can also post text/plain, which must not get through.
        given().redirects().follow(false).cookies(cookies).contentType(ContentType.TEXT).body(ConsoleSession.CSRF_FIELD + "=none")
                .post("/logout").then().statusCode(415);
        given().redirects().follow(false).cookies(cookies)
                .post("/logout").then().statusCode(allOf(greaterThanOrEqualTo(400), lessThan(500)));
        given().redirects().follow(false).cookies(cookies).get("/").then().statusCode(200);

        given().redirects().follow(false).cookies(cookies).formParam(ConsoleSession.CSRF_FIELD, token)
                .post("/logout").then().statusCode(303).header("Location", endsWith("/login"));
    }

    @Test
    void signingInAfterTheBrowserAskedForItsIconLandsOnTheDashboard() {
        browser.open("/").awaitPath("/login");
        // What every browser does by itself for a page without an icon link, here made certain and awaited.
        browser.driver().executeAsyncScript("const done = arguments[0]; fetch('/favicon.ico').then(() => done(), () => done())");

        signIn(ADMIN, PASSWORD);
        browser.awaitPath("/");
        assertThat(browser.heading()).isEqualTo("Dashboard");
    }

    private void signIn(String user, String password) {
        browser.open("/login");
        browser.field("User name").sendKeys(user);
        browser.field("Password").sendKeys(password);
        browser.button("Sign in").click();
    }

    private static void postEvent(String id, String type, String customer, int cartTotal) {
        api().body(Map.of("id", id, "type", type, "customerId", customer, "source", "test",
                        "data", Map.of("total", cartTotal, "currency", "EUR")))
                .post("/api/events").then().statusCode(202);
    }

    /** Reloads the dashboard until the "Latest decisions" table has a row for {@code customer}. */
    private WebElement awaitDecisionRow(String customer) {
        return browser.waitUntil(d -> {
            browser.open("/");
            return browser.allLabelled("Latest decisions").stream()
                    .flatMap(table -> table.findElements(By.cssSelector("tbody tr")).stream())
                    .filter(row -> row.getText().contains(customer))
                    .findFirst().orElse(null);
        });
    }

    private long count(String tile) {
        return Long.parseLong(browser.labelled(tile).getText().trim());
    }
}
