package dev.beckon.console;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.beckon.support.BrowserTest;
import dev.beckon.support.ConsoleUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** Marketers set campaigns up in the console in plain fields, run them and fill their code pools; viewers only look. */
@QuarkusTest
class CampaignsBrowserTest extends BrowserTest {

    @Test
    void aMarketerCreatesACampaignWithABudgetAndACapStartsItAndFillsItsCodePool() throws Exception {
        signInAs("marketer");
        String name = unique("spring");

        browser.open("/campaigns");
        browser.driver().findElement(By.linkText("New campaign")).click();
        browser.awaitPath("/campaigns/new");
        browser.field("Name").sendKeys(name);
        browser.field("Goal (event type)").sendKeys("order.completed");
        browser.field("Offers per day").sendKeys("50");
        new Select(browser.field("Codes come from")).selectByValue("pool");
        browser.labelled("Cap 1: at most").sendKeys("1");
        browser.labelled("Cap 1: per").sendKeys("P7D");
        new Select(browser.labelled("Cap 1: kind")).selectByValue("offer");
        browser.button("Create campaign").click();
        browser.awaitPath("/campaigns/" + name);

        JsonPath saved = api().get("/api/campaigns/" + name).then().statusCode(200).extract().jsonPath();
        assertThat(saved.getString("status")).isEqualTo("draft");
        assertThat(saved.getInt("settings.budget.offersPerDay")).isEqualTo(50);
        assertThat(saved.getMap("settings.caps[0]")).containsEntry("max", 1).containsEntry("per", "P7D")
                .containsEntry("kind", "offer").containsEntry("channel", null);
        assertThat(saved.getString("settings.offerCodes.source")).isEqualTo("pool");

        browser.open("/campaigns");
        WebElement row = browser.driver().findElement(By.cssSelector("tr[data-campaign='" + name + "']"));
        assertThat(row.getText()).contains("draft").contains("order.completed").contains("empty");
        assertThat(row.findElement(By.linkText("Report")).getDomAttribute("href")).isEqualTo("/campaigns/" + name + "/report");
        row.findElement(By.linkText(name)).click();
        browser.awaitPath("/campaigns/" + name);

        browser.button("Start").click();
        browser.waitUntil(d -> "running".equals(browser.labelled("Status").getText()));
        assertThat(browser.labelled("Pool empty").isDisplayed()).isTrue();

        browser.field("How many codes").sendKeys("10");
        browser.button("Generate codes").click();
        browser.waitUntil(d -> browser.pageText().contains("10 codes added to the pool."));
        assertThat(browser.labelled("Codes available").getText()).isEqualTo("10");
        assertThat(browser.allLabelled("Pool empty")).isEmpty();

        browser.field("Or paste codes").sendKeys("code\nPASTED-1\nPASTED-1\nnot one code\n");
        browser.button("Import codes").click();
        browser.waitUntil(d -> !browser.allLabelled("Import report").isEmpty());
        assertThat(browser.labelled("Import report").getText()).contains("1 added").contains("Line 4: holds whitespace");
        assertThat(browser.labelled("Codes available").getText()).isEqualTo("11");
    }

    @Test
    void fieldsTheCampaignRefusesAreMarkedBesideThemAndWhatWasTypedStays() throws Exception {
        signInAs("marketer");
        String name = unique("refused");

        browser.open("/campaigns/new");
        browser.field("Name").sendKeys(name);
        browser.field("Offers per day").sendKeys("lots");
        browser.labelled("Cap 1: at most").sendKeys("3");
        browser.labelled("Cap 1: per").sendKeys("weekly");
        browser.button("Create campaign").click();
        browser.waitUntil(d -> !browser.allLabelled("Campaign refused").isEmpty());

        assertThat(browser.field("Offers per day").getDomProperty("value")).isEqualTo("lots");
        assertThat(errorBeside(browser.field("Offers per day"))).contains("whole number");
        browser.field("Offers per day").clear();
        browser.field("Offers per day").sendKeys("5");
        // The first refusal is still shown until the second answer replaces the page: wait for it to go.
        WebElement firstRefusal = browser.labelled("Campaign refused");
        browser.button("Create campaign").click();
        browser.awaitGone(firstRefusal);
        browser.awaitLoaded();
        browser.waitUntil(d -> !browser.allLabelled("Campaign refused").isEmpty());
        assertThat(browser.labelled("Cap 1: per").getDomProperty("value")).isEqualTo("weekly");
        assertThat(errorBeside(browser.labelled("Cap 1: per"))).contains("ISO-8601 duration");
        assertThat(api().get("/api/campaigns/" + name).statusCode()).isEqualTo(404);
    }

    @Test
    void aViewerSeesACampaignButCannotChangeIt() throws Exception {
        String name = unique("watched");
        api().body(Map.of("name", name, "goal", "order.completed")).post("/api/campaigns").then().statusCode(201);
        signInAs("viewer");

        browser.open("/campaigns");
        assertThat(browser.pageText()).contains(name).doesNotContain("New campaign");
        browser.open("/campaigns/" + name);
        assertThat(browser.labelled("Goal").getText()).isEqualTo("order.completed");
        assertThat(browser.buttons("Save")).isEmpty();
        assertThat(browser.buttons("Start")).isEmpty();
        assertThat(browser.buttons("Generate codes")).isEmpty();
        assertThat(browser.field("Goal (event type)").isEnabled()).isFalse();
        browser.open("/campaigns/new");
        assertThat(browser.allLabelled("Campaign")).isEmpty();
    }

    @Test
    void markupInACampaignGoalIsShownAsText() throws Exception {
        String goal = EscapingBrowserTest.SCRIPT + EscapingBrowserTest.IMAGE;
        String name = unique("probe");
        api().body(Map.of("name", name, "goal", goal)).post("/api/campaigns").then().statusCode(201);
        browser.signIn("admin", "test-admin-password");

        browser.open("/campaigns");
        assertThat(browser.pageText()).contains(goal);
        browser.open("/campaigns/" + name);
        assertThat(browser.labelled("Goal").getText()).isEqualTo(goal);
        assertThat(browser.field("Goal (event type)").getDomProperty("value")).isEqualTo(goal);
        assertThat(browser.script("return window.__probe === undefined ? 'nothing' : window.__probe;")).isEqualTo("nothing");
    }

    private static void signInAs(String role) throws Exception {
        ConsoleUsers.Credentials user = ConsoleUsers.create(role, role);
        browser.signIn(user.user(), user.password());
    }

    /** The refusal shown right after a field. */
    private static String errorBeside(WebElement field) {
        return field.findElement(By.xpath("following-sibling::span[contains(@class,'error')][1]")).getText();
    }
}
