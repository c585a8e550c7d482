package dev.beckon.console;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.event;
import static dev.beckon.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.beckon.delivery.DeliveryPlanner;
import dev.beckon.support.BrowserTest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Markup in what customers and authors write (event data, a customer id, a rule name) is shown as
 * text on every page that renders it, and never runs: each probe would set a flag on the window.
 */
@QuarkusTest
class EscapingBrowserTest extends BrowserTest {

    /** Markup that runs if inserted unescaped: a script element, and an image whose error handler runs. */
    static final String SCRIPT = "<script>window.__probe='script'</script>";
    static final String IMAGE = "<img src=x onerror=\"window.__probe='image'\">";

    @Inject
    DeliveryPlanner planner;

    @BeforeEach
    void signIn() {
        browser.signIn("admin", "test-admin-password");
    }

    @Test
    void markupInEventDataIsShownAsTextInTheCatalog() {
        String type = "probe." + unique("x").replace("-", "");
        api().body(event(unique("e"), type, unique("c"), "{\"comment\": \"" + SCRIPT.replace("\"", "\\\"") + IMAGE.replace("\"", "\\\"") + "\"}"))
                .post("/api/events").then().statusCode(202);

        browser.open("/catalog/" + type);

        // The sample is shown as JSON, where the quotes inside the string are escaped.
        assertThat(browser.pageText()).contains(SCRIPT).contains(IMAGE.replace("\"", "\\\""));
        assertNothingRan();
    }

    @Test
    void markupInACustomerIdIsShownAsTextOnTheDashboardAndTheDeliveries() {
        String customer = IMAGE + unique("c");
        api().body(Map.of("id", unique("e"), "type", "customer.signed_up", "customerId", customer,
                "data", Map.of("email", "probe@example.com"))).post("/api/events").then().statusCode(202);
        planner.planPending();

        browser.open("/");
        assertThat(browser.pageText()).contains(customer);
        assertNothingRan();
        browser.open("/deliveries");
        assertThat(browser.pageText()).contains("offer.welcome");
        assertNothingRan();
    }

    @Test
    void markupInARuleNameIsShownAsTextOnTheVersionPage() {
        String rule = "Probe " + SCRIPT + IMAGE;
        String drl = "rule \"" + rule.replace("\"", "\\\"") + "\"\nwhen\n    Event(type == \"probe.rule\")\nthen\n"
                + "    decide.escalate(\"probe\");\nend\n";
        int version = api().body(Map.of("drl", drl, "comment", "escaping probe")).post("/api/rulesets")
                .then().statusCode(201).extract().path("version");

        browser.open("/rules/versions/" + version);

        assertThat(browser.pageText()).contains(rule);
        assertNothingRan();
    }

    private static void assertNothingRan() {
        assertThat(browser.script("return window.__probe === undefined ? 'nothing' : window.__probe;")).isEqualTo("nothing");
    }
}
