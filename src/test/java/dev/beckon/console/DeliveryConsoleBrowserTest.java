package dev.beckon.console;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.event;
import static dev.beckon.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.beckon.support.BrowserTest;
import dev.beckon.support.MovableClock;
import dev.beckon.support.TestEndpoint;
import dev.beckon.support.TestEndpoint.Answer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** Deliveries and message templates, worked in a real browser. */
@QuarkusTest
class DeliveryConsoleBrowserTest extends BrowserTest {

    @Inject
    MovableClock clock;

    @BeforeEach
    void signIn() {
        browser.signIn("admin", "test-admin-password");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aDeadDeliveryShowsItsLastErrorAndIsSentAgainWithTheRedeliverButton() throws Exception {
        try (TestEndpoint endpoint = new TestEndpoint()) {
            endpoint.answer(request -> Answer.status(503));
            String name = unique("console-ep").toLowerCase();
            api().body(Map.of("name", name, "url", endpoint.url(), "campaigns", List.of("late-checkout")))
                    .post("/api/webhook-endpoints").then().statusCode(201);
            try {
                String customer = unique("guest");
                api().body(event(unique("e"), "room.assigned", customer, "{}")).post("/api/events").then().statusCode(202);
                await().atMost(Duration.ofSeconds(20)).until(() -> !endpoint.about(customer).isEmpty());
                clock.advance(Duration.ofDays(2));
                long id = await().atMost(Duration.ofSeconds(20)).until(() -> deadDeliveryTo(name), found -> found != null);

                signIn(); // two days on the clock: the earlier session is long idle
                browser.open("/deliveries");
                WebElement row = browser.driver().findElement(By.cssSelector("table[aria-label='Dead deliveries'] tr[data-delivery='" + id + "']"));
                assertThat(row.getText()).contains(name).contains("HTTP 503").contains("dead");

                endpoint.answer(request -> Answer.status(200));
                browser.button("Redeliver " + id).click();
                browser.waitUntil(d -> browser.pageText().contains("Delivery " + id + " is queued to be sent again."));
                await().atMost(Duration.ofSeconds(20)).until(() ->
                        "delivered".equals(api().get("/api/deliveries/" + id).then().extract().path("status")));

                browser.open("/deliveries");
                browser.driver().findElement(By.cssSelector("tr[data-delivery='" + id + "'] a")).click();
                browser.waitUntil(d -> browser.path().startsWith("/deliveries/decisions/"));
                assertThat(browser.labelled("Attempts of delivery " + id).getText()).contains("503").contains("200");
            } finally {
                api().delete("/api/webhook-endpoints/" + name).then().statusCode(204);
            }
        }
    }

    @Test
    void aMarketerPreviewsACampaignEmailSeesTheMistakeAndSavesTheFix() {
        String campaign = newTemplate("spring-sale");

        WebElement subject = browser.field("Subject");
        subject.clear();
        subject.sendKeys("Hello {customer.id}, {#if offer.code}");
        browser.button("Preview").click();
        browser.waitUntil(d -> !browser.allLabelled("Problems").isEmpty());
        assertThat(browser.labelled("Problems").getText()).contains("subject");

        subject.clear();
        subject.sendKeys("Hello {customer.id}, use {offer.code}");
        browser.button("Preview").click();
        browser.waitUntil(d -> !browser.allLabelled("Preview").isEmpty());
        assertThat(browser.labelled("Preview").getText()).contains("Hello c-123, use SAMPLE10");

        browser.button("Save").click();
        browser.waitUntil(d -> browser.pageText().contains("Saved."));
        assertThat(api().get("/api/message-templates/" + campaign).then().statusCode(200).extract().<String>path("subject"))
                .isEqualTo("Hello {customer.id}, use {offer.code}");
    }

    @Test
    void theHtmlPreviewShowsAnEmailsInlineStylesAsTheEmailWillLook() {
        newTemplate("styled");
        WebElement html = browser.field("HTML body");
        html.clear();
        html.sendKeys("<p id=\"hello\" style=\"color: rgb(255, 0, 0)\">Hello {customer.id}</p>");

        browser.button("Preview").click();
        browser.waitUntil(d -> !browser.allLabelled("Preview").isEmpty());

        WebDriver driver = browser.driver();
        driver.switchTo().frame(driver.findElement(By.cssSelector("iframe[name='message-preview']")));
        try {
            WebElement hello = browser.waitUntil(d -> d.findElements(By.id("hello")).stream().findFirst().orElse(null));
            assertThat(hello.getText()).isEqualTo("Hello c-123");
            assertThat(hello.getCssValue("color")).as("the email's inline style").isIn("rgba(255, 0, 0, 1)", "rgb(255, 0, 0)");
        } finally {
            driver.switchTo().defaultContent();
        }
    }

    /** Starts a template for a new campaign on the Messages page, as a marketer does; returns the campaign's name. */
    private String newTemplate(String prefix) {
        String campaign = unique(prefix);
        browser.open("/messages");
        browser.field("Template for campaign").sendKeys(campaign);
        browser.button("New template").click();
        browser.waitUntil(d -> browser.path().equals("/messages/" + campaign));
        return campaign;
    }

    private static Long deadDeliveryTo(String endpoint) {
        List<Map<String, Object>> dead = api().get("/api/deliveries?status=dead&limit=500").jsonPath().getList("$");
        return dead.stream().filter(d -> endpoint.equals(d.get("target")))
                .map(d -> ((Number) d.get("id")).longValue()).findFirst().orElse(null);
    }
}
