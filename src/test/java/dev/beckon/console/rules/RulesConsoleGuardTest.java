package dev.beckon.console.rules;

import static dev.beckon.console.rules.ConsolePages.ADMIN;
import static dev.beckon.console.rules.ConsolePages.PASSWORD;
import static dev.beckon.console.rules.ConsolePages.row;
import static dev.beckon.console.rules.ConsolePages.until;
import static dev.beckon.support.Api.api;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.beckon.rules.ActiveRules;
import dev.beckon.support.ConsoleSession;
import dev.beckon.support.ConsoleUsers;
import dev.beckon.support.BrowserTest;
import dev.beckon.support.RuleSets;
import dev.beckon.support.TestNamespace;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** What the rules console refuses: actions a role may not take, markup in user data (posts without a CSRF token: ConsoleCsrfCrawlerTest). */
@QuarkusTest
class RulesConsoleGuardTest extends BrowserTest {

    @Inject
    ActiveRules active;

    @Test
    void aMarketerBuildsGuidedRulesAndBacktestsButNeitherWritesDrlNorPublishes() throws Exception {
        ConsoleUsers.Credentials marketer = ConsoleUsers.create("marketer", "marketer");
        String user = marketer.user();
        String password = marketer.password();
        try {
            int live = active.version();
            int draft = draft(RuleSets.starterPack() + "\n// roles test\n");
            ConsolePages.signIn(browser, user, password);

            browser.open("/rules");
            assertThat(browser.labelled("Rule tools").getText()).contains("Scenarios", "Build a rule (guided)")
                    .doesNotContain("Edit rules");
            browser.open("/rules/versions/" + draft);
            assertThat(browser.heading()).contains("Version " + draft);
            assertThat(browser.buttons("Publish version " + draft)).isEmpty();
            assertThat(browser.buttons("Start backtest")).isNotEmpty();
            assertThat(browser.driver().findElements(By.linkText("Edit a copy"))).isEmpty();
            assertThat(browser.button("Try it").isDisplayed()).isTrue();
            browser.open("/rules/scenarios");
            assertThat(browser.buttons("Add scenario")).isEmpty();

            Map<String, String> session = ConsoleSession.signIn(user, password);
            given().cookies(session).get("/rules/editor").then().statusCode(403);
            given().cookies(session).get("/rules/guided").then().statusCode(200);
            for (String action : List.of("/rules/versions/" + draft + "/publish", "/rules/editor", "/rules/editor/check",
                    "/rules/scenarios", "/rules/scenarios/1/delete")) {
                given().redirects().follow(false).cookies(session).formParam(ConsoleSession.CSRF_FIELD, session.get(ConsoleSession.CSRF_COOKIE))
                        .formParam("comment", "not mine to publish").formParam("drl", RuleSets.starterPack())
                        .formParam("version", draft).post(action).then().statusCode(403);
            }
            assertThat(active.version()).isEqualTo(live);
            assertThat(api().get("/api/rulesets/" + draft).then().extract().<String>path("status")).isEqualTo("draft");
        } finally {
            browser.signedOut(); // before the user is gone: a session of a removed user is refused even on /login
            try (Connection db = TestNamespace.database();
                 PreparedStatement delete = db.prepareStatement("DELETE FROM console_users WHERE username = ?")) {
                delete.setString(1, user);
                delete.executeUpdate();
            }
        }
    }

    @Test
    void ruleTextAndEventDataAreShownAsTextNeverRunAsMarkup() {
        String rule = "<img src=x onerror='window.__xss=1'>";
        int draft = draft(RuleSets.starterPack() + """

                // <script>window.__xss=2</script>
                rule "%s"
                when
                    Event(type == "console.xss")
                then
                    decide.offer("console-xss").amountOff(1).message("<b onmouseover='window.__xss=3'>hi</b>");
                end
                """.formatted(rule));
        ConsolePages.signIn(browser, ADMIN, PASSWORD);

        browser.open("/rules/versions/" + draft);
        assertThat(row(browser.labelled("Rules"), "console.xss").getText()).contains(rule);
        assertThat(browser.labelled("Rule text").getText()).contains("<script>window.__xss=2</script>");
        String eventId = "<svg onload='window.__xss=4'></svg>";
        WebElement event = browser.field("Event (JSON)");
        event.clear();
        event.sendKeys("{\"id\": \"" + eventId + "\", \"type\": \"console.xss\", \"customerId\": \"c-xss\"}");
        browser.button("Try it").click();
        WebElement result = until(browser, d -> browser.allLabelled("Test result").stream().findFirst().orElse(null));
        assertThat(result.getText()).contains(eventId, rule, "<b onmouseover='window.__xss=3'>hi</b>");

        browser.open("/rules/stats?rule=" + java.net.URLEncoder.encode(rule, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(browser.heading()).isEqualTo(rule);

        browser.open("/rules/versions/" + draft);
        assertThat(browser.script("return typeof window.__xss")).isEqualTo("undefined");
        assertThat(browser.driver().findElements(By.cssSelector("main img, main script, main svg, main b"))).isEmpty();
    }

    private static int draft(String drl) {
        return api().body(Map.of("drl", drl, "comment", "console guard test")).post("/api/rulesets")
                .then().statusCode(201).extract().path("version");
    }
}
