package dev.beckon.console.rules;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.event;
import static dev.beckon.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import static dev.beckon.console.rules.ConsolePages.ADMIN;
import static dev.beckon.console.rules.ConsolePages.PASSWORD;
import static dev.beckon.console.rules.ConsolePages.row;
import static dev.beckon.console.rules.ConsolePages.screenshot;
import static dev.beckon.console.rules.ConsolePages.until;

import dev.beckon.rules.ActiveRules;
import dev.beckon.support.BrowserTest;
import dev.beckon.support.RuleSets;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Rule authoring in the console, in a real headless Chromium: the rules list, the editor, trying
 * a draft, scenarios, a backtest, publishing and rolling back. Publishing changes the rule set
 * every other test relies on, so the starter pack is put back at the end.
 */
@QuarkusTest
class RulesConsoleBrowserTest extends BrowserTest {

    /** Scenarios made here, deleted after each test: one left behind would gate other tests' publishing. */
    private static final Set<String> SCENARIOS = ConcurrentHashMap.newKeySet();

    /** Where the application listens: RestAssured no longer knows it in {@code @AfterAll}. */
    private static int port;

    @Inject
    ActiveRules active;

    @AfterAll
    static void putTheStarterPackBack() {
        int before = RestAssured.port;
        RestAssured.port = port;
        try {
            deleteScenariosMadeHere();
            int live = api().get("/api/rulesets").then().extract().jsonPath()
                    .<Integer>getList("findAll { it.status == 'published' }.version").get(0);
            if (!RuleSets.starterPack().equals(api().get("/api/rulesets/" + live).then().extract().path("drl"))) {
                RuleSets.restoreStarterPack();
            }
        } finally {
            RestAssured.port = before;
        }
    }

    /** A scenario left behind would gate the next test's publishing. */
    @AfterEach
    void deleteOurScenarios() {
        deleteScenariosMadeHere();
    }

    private static void deleteScenariosMadeHere() {
        List<Map<String, Object>> stored = api().get("/api/scenarios").then().extract().jsonPath().getList("$");
        stored.stream().filter(s -> SCENARIOS.contains(((Map<?, ?>) s.get("scenario")).get("name")))
                .forEach(s -> api().delete("/api/scenarios/" + s.get("id")).then().statusCode(204));
    }

    @BeforeEach
    void signIn() {
        port = base.getPort();
        ConsolePages.signIn(browser, ADMIN, PASSWORD);
    }

    @Test
    void theRulesPageListsTheLiveStarterPackRulesAndEveryVersion() {
        api().body(event(unique("e"), "room.assigned", unique("c"), "{}")).post("/api/events").then().statusCode(202);

        browser.driver().findElement(By.linkText("Rules")).click();
        browser.awaitPath("/rules");
        assertThat(browser.heading()).isEqualTo("Rules");
        WebElement rules = browser.labelled("Rules");
        assertThat(rules.getText()).contains("Abandoned cart reminder with offer", "Negative feedback escalation",
                "Suspicious payment: new country", "VIP loyalty offer", "Welcome offer", "customer.signed_up",
                "offer vip-loyalty");
        WebElement upsell = row(rules, "Hotel late checkout upsell");
        until(browser, d -> {
            browser.open("/rules");
            return !row(browser.labelled("Rules"), "Hotel late checkout upsell").getText().contains("never");
        });
        upsell = row(browser.labelled("Rules"), "Hotel late checkout upsell");
        assertThat(upsell.getText()).contains("room.assigned", "offer late-checkout", "yes").doesNotContain("never");
        assertThat(browser.labelled("Versions").getText()).contains("Starter pack", "published");
        assertThat(browser.labelled("Rule tools").getText()).contains("Edit rules (DRL)", "Scenarios", "Backtests");
        screenshot(browser, "rules");

        upsell.findElement(By.linkText("Hotel late checkout upsell")).click();
        browser.awaitPath("/rules/stats");
        assertThat(browser.heading()).isEqualTo("Hotel late checkout upsell");
        assertThat(browser.allLabelled("Firings per hour")).hasSize(2);
        assertThat(browser.driver().findElements(By.cssSelector(".bars .bar"))).hasSize(7 * 24);
        assertThat(browser.driver().findElement(By.cssSelector("table[aria-label='Firings per hour'] tbody")).getText())
                .doesNotContain("did not fire");
        screenshot(browser, "rule-stats");
    }

    /** A rule change from the editor to live and back: check, fix, save, try, test, backtest, publish, roll back. */
    @Test
    void aDraftGoesFromTheEditorThroughTestsAndABacktestToLiveAndIsRolledBack() {
        int before = active.version();
        String customer = unique("c");
        api().body(event(unique("e"), "console.test", customer, "{}")).post("/api/events").then().statusCode(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> api().get("/api/customers/" + customer).statusCode() == 200);

        // Write a new rule with a mistake; Check names the line.
        browser.open("/rules");
        browser.driver().findElement(By.linkText("Edit rules (DRL)")).click();
        browser.awaitPath("/rules/editor");
        WebElement editor = browser.field("Rule text");
        int firstLine = editor.getDomProperty("value").split("\n", -1).length + 1;
        int broken = firstLine + 2;
        editor.click();
        editor.sendKeys(Keys.chord(Keys.CONTROL, Keys.END));
        editor.sendKeys("\nrule \"Console test offer\"\nwhen\n    Event(typo == 1)\nthen\n"
                + "    decide.offer(\"console-test\").amountOff(5);\nend\n");
        browser.button("Check").click();
        WebElement problems = until(browser, d -> browser.allLabelled("Problems").stream().findFirst().orElse(null));
        assertThat(problems.getDomAttribute("role")).isEqualTo("alert");
        assertThat(problems.getText()).contains("Line " + broken);
        assertThat(browser.driver().findElements(By.cssSelector(".gutter .marked")))
                .extracting(WebElement::getText).contains(String.valueOf(broken));
        screenshot(browser, "editor-errors");

        // Saving text that does not compile stores nothing and shows the editor again, text and errors kept.
        int versions = api().get("/api/rulesets").then().extract().jsonPath().getList("$").size();
        browser.field("What does this draft change?").sendKeys("Console test offer");
        submitAndAwaitNewPage(browser.button("Save as draft"));
        assertThat(browser.path()).isEqualTo("/rules/editor");
        assertThat(browser.labelled("Problems").getText()).contains("Line " + broken);
        assertThat(browser.field("Rule text").getDomProperty("value")).contains("Event(typo == 1)", "rule \"Welcome offer\"");
        assertThat(browser.field("What does this draft change?").getDomProperty("value")).isEqualTo("Console test offer");
        assertThat(api().get("/api/rulesets").then().extract().jsonPath().getList("$")).hasSize(versions);

        // The error's link selects its line, so typing replaces it.
        browser.labelled("Go to line " + broken).click();
        browser.field("Rule text").sendKeys("    Event(type == \"console.test\")");
        browser.button("Check").click();
        until(browser, d -> browser.labelled("Problems").getText().contains("No problems"));
        browser.button("Save as draft").click();
        until(browser, d -> browser.path().startsWith("/rules/versions/"));
        browser.awaitLoaded();
        int draft = Integer.parseInt(browser.path().substring("/rules/versions/".length()));
        assertThat(draft).isGreaterThan(before);
        assertThat(browser.labelled("Status").getText()).isEqualTo("draft");
        assertThat(browser.labelled("Rules").getText()).contains("Console test offer", "console.test", "offer console-test");
        assertThat(browser.labelled("Rule text").getText()).contains("Event(type == \"console.test\")");

        // Try the draft on an event: the new rule decides an offer; nothing is stored.
        String tried = unique("c");
        WebElement eventField = browser.field("Event (JSON)");
        eventField.clear();
        eventField.sendKeys("{\"id\": \"" + unique("e") + "\", \"type\": \"console.test\", \"customerId\": \"" + tried + "\"}");
        browser.button("Try it").click();
        WebElement decisions = until(browser, d -> browser.allLabelled("Decisions").stream().findFirst().orElse(null));
        assertThat(decisions.getText()).contains("offer", "console-test", "Console test offer", "\"amountOff\":5");
        api().get("/api/customers/" + tried).then().statusCode(404);
        browser.script("arguments[0].scrollIntoView()", decisions);
        screenshot(browser, "version-try");

        // A scenario written on the scenarios page passes on the draft.
        String scenario = "Console: big cart reminder " + unique("s");
        addExampleScenario(scenario);
        browser.open("/rules/versions/" + draft);
        browser.button("Run scenarios").click();
        WebElement results = until(browser, d -> browser.allLabelled("Scenario results").stream().findFirst().orElse(null));
        assertThat(row(results, scenario).getText()).contains("passed");
        screenshot(browser, "version-draft");

        // A backtest over the last 7 days shows the draft's extra offer beside the live version.
        browser.button("Start backtest").click();
        until(browser, d -> browser.path().matches("/backtests/\\d+"));
        browser.awaitLoaded();
        assertThat(browser.labelled("Backtest progress").getTagName()).isEqualTo("progress");
        new WebDriverWait(browser.driver(), Duration.ofMinutes(3)).ignoring(StaleElementReferenceException.class).until(d ->
                !browser.allLabelled("Backtest state").isEmpty() && "done".equals(browser.labelled("Backtest state").getText()));
        assertThat(browser.buttons("Cancel")).isEmpty();
        assertThat(row(browser.labelled("Rules compared"), "Console test offer").getText()).contains("1 fired, 1 decided");
        assertThat(row(browser.labelled("Decisions by kind"), "offer").getDomAttribute("class")).isEqualTo("differs");
        assertThat(Long.parseLong(browser.labelled("Differing customers").getText())).isGreaterThanOrEqualTo(1);
        assertThat(row(browser.labelled("Sample of differing customers"), customer).getText()).contains("offer console-test");
        screenshot(browser, "backtest");

        // Compare with live, then publish with a comment.
        browser.open("/rules/versions/" + draft);
        browser.driver().findElement(By.linkText("Compare with live")).click();
        browser.awaitPath("/rules/versions/" + before + "/diff/" + draft);
        assertThat(row(browser.labelled("Rule changes"), "Console test offer").getText()).contains("added");
        assertThat(browser.driver().findElements(By.cssSelector("pre.diff .added")))
                .extracting(WebElement::getText).contains("+rule \"Console test offer\"");
        screenshot(browser, "diff");

        browser.open("/rules/versions/" + draft);
        browser.field("Why does this version go live?").sendKeys("Offer for console tests");
        submitAndAwaitNewPage(browser.button("Publish version " + draft));
        assertThat(browser.path()).isEqualTo("/rules/versions/" + draft);
        assertThat(browser.labelled("Status").getText()).isEqualTo("published");
        assertThat(browser.heading()).contains("live");
        assertThat(browser.buttons("Publish version " + draft)).isEmpty();
        assertThat(active.version()).isEqualTo(draft);
        browser.open("/rules");
        assertThat(browser.labelled("Rules").getText()).contains("Console test offer");
        assertThat(row(browser.labelled("Versions"), "Offer for console tests").getText()).contains("published", ADMIN);

        // Roll back to the version live before.
        browser.open("/rules/versions/" + before);
        assertThat(browser.labelled("Status").getText()).isEqualTo("archived");
        browser.field("Why does this version go live?").sendKeys("Back to the version before the console test");
        screenshot(browser, "version-rollback");
        submitAndAwaitNewPage(browser.button("Roll back to version " + before));
        assertThat(browser.path()).isEqualTo("/rules/versions/" + before);
        assertThat(browser.labelled("Status").getText()).isEqualTo("published");
        assertThat(active.version()).isEqualTo(before);
        browser.open("/rules");
        assertThat(browser.labelled("Rules").getText()).doesNotContain("Console test offer");
        assertThat(row(browser.labelled("Versions"), "Offer for console tests").getText()).contains("archived");
    }

    @Test
    void theScenariosPageShowsEveryRefusedFieldThenAddsAndDeletes() {
        browser.open("/rules");
        browser.driver().findElement(By.linkText("Scenarios")).click();
        browser.awaitPath("/rules/scenarios");
        assertThat(browser.field("Given (events, JSON)").getDomProperty("value")).contains("cart.updated");

        replace(browser.field("Given (events, JSON)"), "[{\"at\": \"25:99\", \"type\": \"Cart Updated\"}]");
        replace(browser.field("Expect (decisions, JSON)"), "[{\"kind\": \"coupon\"}]");
        submitAndAwaitNewPage(browser.button("Add scenario"));
        WebElement refused = browser.labelled("Scenario refused");
        assertThat(refused.getText()).contains("name is required", "given[0].at", "given[0].type", "expect[0].kind must be offer, followup or escalation");
        assertThat(browser.field("Name").getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.field("Given (events, JSON)").getDomProperty("value")).contains("Cart Updated");
        screenshot(browser, "scenarios-refused");

        replace(browser.field("Given (events, JSON)"), "[{\"at\": \"10:00\", ");
        submitAndAwaitNewPage(browser.button("Add scenario"));
        assertThat(browser.labelled("Scenario refused").getText()).contains("not valid JSON");

        String name = "Console: late checkout " + unique("s");
        SCENARIOS.add(name);
        browser.field("Name").sendKeys(name);
        replace(browser.field("Given (events, JSON)"), "[{\"at\": \"09:00\", \"type\": \"room.assigned\"}]");
        replace(browser.field("Expect (decisions, JSON)"), "[{\"kind\": \"offer\", \"campaign\": \"late-checkout\", \"amountOff\": 20}]");
        submitAndAwaitNewPage(browser.button("Add scenario"));
        assertThat(browser.labelled("Scenarios").getText()).contains(name);
        assertThat(browser.allLabelled("Scenario refused")).isEmpty();
        screenshot(browser, "scenarios");

        submitAndAwaitNewPage(browser.labelled("Delete scenario " + name));
        assertThat(browser.labelled("Scenarios").getText()).doesNotContain(name);
    }

    @Test
    void aRefusedPublishSaysWhyOnThePage() {
        int live = active.version();
        String failing = "Console: gate " + unique("s");
        SCENARIOS.add(failing);
        api().body(Map.of("name", failing, "given", List.of(Map.of("at", "10:00", "type", "console.gate")),
                "expect", List.of(Map.of("kind", "offer", "campaign", "console-gate"))))
                .post("/api/scenarios").then().statusCode(201);
        int draft = api().body(Map.of("drl", RuleSets.starterPack() + "\n// console gate test\n", "comment", "gate test"))
                .post("/api/rulesets").then().statusCode(201).extract().path("version");

        browser.open("/rules/versions/" + draft);
        browser.field("Why does this version go live?").sendKeys("Should not go live");
        browser.button("Publish version " + draft).click();
        browser.awaitPath("/rules/versions/" + draft + "/publish");
        WebElement refused = browser.labelled("Publishing refused");
        assertThat(refused.getDomAttribute("role")).isEqualTo("alert");
        assertThat(refused.getText()).contains("Scenarios fail", "Scenario \u201c" + failing + "\u201d:", "console-gate");
        assertThat(browser.field("Why does this version go live?").getDomProperty("value")).isEqualTo("Should not go live");
        assertThat(browser.labelled("Status").getText()).isEqualTo("draft");
        assertThat(active.version()).isEqualTo(live);
        screenshot(browser, "version-publish-refused");

        // Without a comment (the browser asks for one; the server refuses too).
        browser.script("document.getElementById('publish-comment').removeAttribute('required')");
        browser.field("Why does this version go live?").clear();
        submitAndAwaitNewPage(browser.button("Publish version " + draft));
        assertThat(browser.labelled("Publishing refused").getText()).contains("comment: is required when publishing");
        assertThat(active.version()).isEqualTo(live);
    }

    /** Clicks a form's submit button and waits for the page it leads to, also when that page has the same address. */
    private static void submitAndAwaitNewPage(WebElement submit) {
        WebElement page = browser.driver().findElement(By.tagName("html"));
        submit.click();
        browser.awaitGone(page);
        browser.awaitLoaded();
    }

    private static void replace(WebElement field, String text) {
        field.clear();
        field.sendKeys(text);
    }

    private void addExampleScenario(String name) {
        browser.open("/rules/scenarios");
        browser.field("Name").sendKeys(name);
        SCENARIOS.add(name);
        submitAndAwaitNewPage(browser.button("Add scenario"));
        assertThat(browser.labelled("Scenarios").getText()).contains(name);
    }
}
