package dev.beckon.console.campaign;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.event;
import static dev.beckon.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.beckon.support.BrowserTest;
import dev.beckon.support.RuleSets;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A campaign from start to report, in a real browser and through real planning: create it, attach a
 * guided rule to it, publish, let customers come and order, and read what the campaign did.
 */
@QuarkusTest
class CampaignLifecycleBrowserTest extends BrowserTest {

    private static final int CUSTOMERS = 30;

    @AfterEach
    void restoreStarterPack() {
        RuleSets.restoreStarterPack();
    }

    @Test
    void aCampaignIsCreatedGivenARulePublishedAndItsReportShowsTheUpliftOfItsOffers() {
        browser.signIn("admin", "test-admin-password");
        String name = unique("autumn").toLowerCase(Locale.ROOT);
        String type = unique("visit").toLowerCase(Locale.ROOT).replace('-', '_') + ".seen";
        api().body(event(unique("e"), type, unique("c"), "{\"pages\": 3}")).post("/api/events").then().statusCode(202);

        // 1. The campaign, running, with half its customers held out.
        browser.open("/campaigns/new");
        browser.field("Name").sendKeys(name);
        browser.field("Goal (event type)").sendKeys("order.completed");
        browser.field("Holdout %").clear();
        browser.field("Holdout %").sendKeys("50");
        browser.button("Create campaign").click();
        browser.awaitPath("/campaigns/" + name);
        browser.button("Start").click();
        browser.waitUntil(d -> "running".equals(browser.labelled("Status").getText()));
        assertThat(browser.pageText()).contains("No rule of the live version");

        // 2. A rule that decides under it, built without code and published.
        String rule = "Visitors get autumn offer " + unique("r");
        browser.open("/rules/guided");
        browser.field("Rule name").sendKeys(rule);
        browser.field("Event type").sendKeys(type);
        browser.button("Preview").click();
        browser.awaitPath("/rules/guided/preview");
        browser.labelled("Condition 1 field").sendKeys("pages");
        new Select(browser.labelled("Condition 1 operator")).selectByValue(">=");
        browser.labelled("Condition 1 value").sendKeys("1");
        browser.driver().findElement(By.cssSelector("input[name=kind][value=offer]")).click();
        browser.field("Campaign (offer, follow-up)").sendKeys(name);
        browser.field("Percent off").sendKeys("10");
        browser.field("Code").sendKeys("AUTUMN10");
        browser.button("Save as draft").click();
        browser.waitUntil(d -> browser.path().startsWith("/rules/versions/"));
        int version = Integer.parseInt(browser.path().substring("/rules/versions/".length()));
        browser.field("Why does this version go live?").sendKeys("Autumn campaign");
        browser.button("Publish version " + version).click();
        await().atMost(Duration.ofSeconds(20)).until(() ->
                "published".equals(api().get("/api/rulesets/" + version).then().extract().path("status")));

        browser.open("/campaigns/" + name);
        assertThat(browser.pageText()).contains(rule);

        // 3. Customers come; those the offer reached order, those held out do not.
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            String customer = unique("c");
            customers.add(customer);
            api().body(event(unique("e"), type, customer, "{\"pages\": 2}")).post("/api/events").then().statusCode(202);
        }
        int treated = 0;
        for (String customer : customers) {
            String outcome = await().atMost(Duration.ofSeconds(20)).until(() -> api().get("/api/customers/" + customer + "/why")
                    .then().extract().<String>path("decisions[0].outcome"), o -> o != null && !o.equals("planning"));
            assertThat(outcome).isIn("sent", "held_out");
            if (outcome.equals("sent")) {
                treated++;
                api().body(event(unique("e"), "order.completed", customer, "{\"total\": 80}"))
                        .post("/api/events").then().statusCode(202);
            }
        }
        assertThat(treated).as("customers the offer reached").isBetween(1, CUSTOMERS - 1);

        // 4. The report, reached from the campaigns list.
        browser.open("/campaigns");
        WebElement row = browser.driver().findElement(By.cssSelector("tr[data-campaign='" + name + "']"));
        row.findElement(By.linkText("Report")).click();
        browser.awaitPath("/campaigns/" + name + "/report");
        assertThat(browser.labelled("Treatment conversion rate").getText()).isEqualTo("100.0%");
        assertThat(browser.labelled("Holdout conversion rate").getText()).isEqualTo("0.0%");
        assertThat(browser.labelled("Uplift").getText()).isEqualTo("+100.0 pp");
        assertThat(browser.labelled("Treatment revenue per customer").getText()).isEqualTo("80.00");
        assertThat(browser.labelled("Conversion rate by group").findElements(By.cssSelector("rect"))).isNotEmpty();
    }
}
