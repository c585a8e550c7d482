package dev.beckon.console;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.event;
import static dev.beckon.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.beckon.ingest.webhook.SignedRequest;
import dev.beckon.ingest.webhook.StandardWebhooks;
import dev.beckon.support.BrowserTest;
import dev.beckon.support.TestEndpoint;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** An admin adds an endpoint in the console, copies its one-time secret, and decisions arrive signed with it. */
@QuarkusTest
class EndpointsBrowserTest extends BrowserTest {

    @BeforeEach
    void signIn() {
        browser.signIn("admin", "test-admin-password");
    }

    @Test
    void anEndpointAddedInTheConsoleReceivesDecisionsSignedWithTheSecretShownOnce() throws Exception {
        try (TestEndpoint receiver = new TestEndpoint()) {
            String name = unique("console-crm").toLowerCase();
            browser.open("/endpoints");
            browser.field("Name").sendKeys(name);
            browser.field("URL").sendKeys(receiver.url());
            browser.driver().findElement(By.cssSelector("input[name=kinds][value=offer]")).click();
            browser.field("Campaigns (comma-separated; empty: all)").sendKeys("late-checkout");
            browser.button("Add endpoint").click();
            browser.waitUntil(d -> !browser.allLabelled("New secret").isEmpty());
            String secret = browser.labelled("New secret").getText().strip();
            assertThat(secret).startsWith("whsec_");

            browser.open("/endpoints");
            assertThat(browser.pageText()).contains(name).doesNotContain(secret);

            String customer = unique("guest");
            api().body(event(unique("e"), "room.assigned", customer, "{}")).post("/api/events").then().statusCode(202);
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.about(customer).size() == 1);
            TestEndpoint.Received request = receiver.about(customer).get(0);
            SignedRequest signed = new SignedRequest(request.headers(), request.body().getBytes(StandardCharsets.UTF_8));
            assertThat(new StandardWebhooks().verify(signed, List.of(secret), Instant.now())).isNotNull();

            browser.button("Delete " + name).click();
            browser.waitUntil(d -> !browser.pageText().contains(name));
        }
    }
}
