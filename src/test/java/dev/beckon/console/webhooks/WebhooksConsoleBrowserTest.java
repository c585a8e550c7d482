package dev.beckon.console.webhooks;

import static dev.beckon.console.rules.ConsolePages.ADMIN;
import static dev.beckon.console.rules.ConsolePages.PASSWORD;
import static dev.beckon.console.rules.ConsolePages.row;
import static dev.beckon.console.rules.ConsolePages.until;
import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.event;
import static dev.beckon.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.beckon.console.rules.ConsolePages;
import dev.beckon.support.BrowserTest;
import dev.beckon.support.SignedWebhooks;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The webhook console as an admin uses it, in a real headless Chromium. */
@QuarkusTest
class WebhooksConsoleBrowserTest extends BrowserTest {

    @BeforeEach
    void signIn() {
        browser.signIn(ADMIN, PASSWORD);
    }

    @Test
    void anAdminAddsASourceGetsItsSecretOnceAndSeesASignedDeliveryInTheLog() {
        String source = unique("shop");
        browser.driver().findElement(By.linkText("Webhooks")).click();
        browser.awaitPath("/webhooks");
        browser.field("Name").sendKeys(source);
        browser.button("Add source").click();

        until(browser, d -> browser.heading().equals("Source " + source + " added"));
        String secret = browser.labelled("New secret").getText().strip();
        assertThat(secret).startsWith("whsec_");
        assertThat(browser.labelled("Endpoint").getText()).endsWith("/hooks/" + source);
        ConsolePages.screenshot(browser, "webhook-source-added");

        browser.driver().findElement(By.linkText("Open source " + source)).click();
        browser.awaitPath("/webhooks/" + source);
        assertThat(browser.pageText()).doesNotContain(secret);
        assertThat(row(browser.labelled("Deliveries"), "No deliveries").isDisplayed()).isTrue();

        String webhookId = unique("msg");
        String eventId = unique("e");
        SignedWebhooks.post(source, secret, webhookId, event(eventId, "page.viewed", unique("c"), "{}")).statusCode(200);
        browser.open("/webhooks/" + source);
        WebElement delivery = row(browser.labelled("Deliveries"), webhookId);
        assertThat(delivery.getText()).contains("accepted");
        ConsolePages.screenshot(browser, "webhook-source");

        browser.labelled("Payload of " + webhookId).click();
        browser.waitUntil(d -> browser.path().startsWith("/webhooks/" + source + "/deliveries/"));
        browser.awaitLoaded();
        assertThat(browser.labelled("Payload").getText()).contains(eventId, "page.viewed");

        browser.open("/webhooks");
        assertThat(row(browser.labelled("Webhook sources"), source).getText()).contains("standard", "enabled", "1 accepted")
                .doesNotContain(secret);
    }

    @Test
    void theTryItBoxShowsWhatAPresetMakesOfASamplePayloadAndWhatDoesNotFit() {
        String source = unique("shopify");
        String secret = "shpss_" + Base64.getEncoder().encodeToString("thirty-two bytes of shop secret!".getBytes(StandardCharsets.UTF_8));
        api().body(Map.of("name", source, "scheme", "shopify", "secrets", List.of(secret), "preset", "shopify-orders-create"))
                .post("/api/webhook-sources").then().statusCode(201);
        browser.open("/webhooks/" + source);
        assertThat(browser.field("Preset").getDomProperty("value")).isEqualTo("shopify-orders-create");

        WebElement payload = browser.field("Sample payload (JSON)");
        payload.sendKeys("""
                {"id": 450789469, "created_at": "2026-11-21T11:00:00-05:00", "total_price": "59.00", "currency": "EUR",
                 "customer": {"id": 207119551, "email": "bob@example.com"}}""");
        browser.button("Try it").click();
        WebElement events = until(browser, d -> browser.allLabelled("Mapped events").stream().findFirst().orElse(null));
        assertThat(events.getText()).contains("maps to 1 event", "\"id\" : \"shopify-order-450789469\"",
                "\"type\" : \"order.completed\"", "\"customerId\" : \"shopify-customer-207119551\"", "\"total\" : 59.00");
        assertThat(browser.path()).isEqualTo("/webhooks/" + source); // swapped in place by htmx
        ConsolePages.screenshot(browser, "webhook-try");

        payload = browser.field("Sample payload (JSON)");
        payload.clear();
        payload.sendKeys("{\"id\": 450789469, \"total_price\": \"fifty\"}");
        browser.button("Try it").click();
        WebElement problem = until(browser, d -> browser.allLabelled("Mapping failed").stream().findFirst().orElse(null));
        assertThat(problem.getText()).contains("customerId", "/customer/id", "data.total", "\"fifty\" cannot be read as number");
        assertThat(browser.allLabelled("Mapped events")).isEmpty();
    }
}
