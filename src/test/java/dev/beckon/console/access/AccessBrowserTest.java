package dev.beckon.console.access;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.beckon.support.BrowserTest;
import dev.beckon.support.ConsoleSession;
import dev.beckon.support.MovableClock;
import dev.beckon.support.RuleSets;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Access control as people meet it in a real Chromium: an admin adds a viewer, the viewer's limits, expiry, slowed guessing. */
@QuarkusTest
class AccessBrowserTest extends BrowserTest {

    private static final String PASSWORD = "a-viewer-password";

    @Inject
    MovableClock clock;

    @AfterEach
    void putTheClockBack() {
        clock.reset();
    }

    @Test
    void anAdminAddsAViewerWhoSeesNoEditButtonsAndIsRefusedOnPost() {
        int draft = api().body(Map.of("drl", RuleSets.starterPack() + "\n// viewer test\n", "comment", "viewer test"))
                .post("/api/rulesets").then().statusCode(201).extract().path("version");
        String viewer = unique("vera");
        browser.signIn("admin", "test-admin-password");
        browser.labelled("Main").findElement(By.linkText("Users")).click();
        browser.awaitPath("/users");
        browser.field("User name").sendKeys(viewer);
        browser.field("Initial password").sendKeys(PASSWORD);
        roleBox("viewer").click();
        browser.button("Create user").click();
        browser.awaitPath("/users/" + viewer);
        assertThat(browser.allWithRole("status")).singleElement().extracting(WebElement::getText).asString()
                .contains("The user was created");

        browser.signIn(viewer, PASSWORD);
        assertThat(browser.labelled("Main").getText()).contains("Rules", "Catalog").doesNotContain("Users", "Audit", "API keys");
        browser.open("/rules/versions/" + draft);
        assertThat(browser.heading()).contains("Version " + draft);
        assertThat(browser.buttons("Publish version " + draft)).isEmpty();
        assertThat(browser.buttons("Try it")).isEmpty();
        assertThat(browser.buttons("Start backtest")).isEmpty();
        assertThat(browser.driver().findElements(By.linkText("Edit a copy"))).isEmpty();
        browser.open("/rules/scenarios");
        assertThat(browser.buttons("Add scenario")).isEmpty();
        browser.open("/messages");
        assertThat(browser.buttons("New template")).isEmpty();

        Map<String, String> session = ConsoleSession.signIn(viewer, PASSWORD);
        for (String action : new String[] {"/rules/versions/" + draft + "/publish", "/rules/versions/" + draft + "/try",
                "/rules/scenarios", "/backtests", "/users"}) {
            given().redirects().follow(false).cookies(session).formParam(ConsoleSession.CSRF_FIELD, session.get(ConsoleSession.CSRF_COOKIE))
                    .formParam("comment", "a viewer publishing").post(action).then().statusCode(403);
        }
        given().redirects().follow(false).cookies(session).get("/users").then().statusCode(403);
        assertThat(api().get("/api/rulesets/" + draft).then().extract().<String>path("status")).isEqualTo("draft");
    }

    @Test
    void aSessionLeftIdleSendsTheBrowserToTheSignInPage() throws Exception {
        String user = unique("idle");
        ConsoleSession.createUser(user, PASSWORD, "viewer");
        browser.signIn(user, PASSWORD);
        browser.open("/rules").awaitPath("/rules");

        clock.advance(Duration.ofMinutes(31));
        browser.open("/rules").awaitPath("/login");
        assertThat(browser.heading()).isEqualTo("Sign in to Beckon");
        assertThat(browser.driver().manage().getCookieNamed(ConsoleSession.SERVER_SESSION_COOKIE)).isNull();

        browser.field("User name").sendKeys(user);
        browser.field("Password").sendKeys(PASSWORD);
        browser.button("Sign in").click();
        browser.awaitPath("/rules"); // back where the expired session left off
    }

    @Test
    void repeatedWrongPasswordsPauseSignInWithAClearMessage() throws Exception {
        String user = unique("guessed");
        ConsoleSession.createUser(user, PASSWORD, "viewer");
        browser.signedOut();
        for (int attempt = 1; attempt <= 5; attempt++) {
            typeSignIn(user, "wrong-" + attempt);
            browser.waitUntil(d -> "error=true".equals(browser.query()));
            assertThat(browser.allWithRole("alert")).singleElement().extracting(WebElement::getText)
                    .isEqualTo("That user name and password did not match.");
        }
        typeSignIn(user, PASSWORD);
        browser.waitUntil(d -> "error=true".equals(browser.query()));
        assertThat(browser.allWithRole("alert")).singleElement().extracting(WebElement::getText).asString()
                .startsWith("Too many failed sign-ins");
        browser.open("/").awaitPath("/login");
    }

    private void typeSignIn(String user, String password) {
        browser.open("/login");
        browser.field("User name").sendKeys(user);
        browser.field("Password").sendKeys(password);
        browser.button("Sign in").click();
        browser.awaitLoaded();
    }

    private WebElement roleBox(String role) {
        return browser.driver().findElement(By.cssSelector("input[name=roles][value='" + role + "']"));
    }
}
