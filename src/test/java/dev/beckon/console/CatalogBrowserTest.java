package dev.beckon.console;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.event;
import static dev.beckon.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.beckon.support.BrowserTest;
import dev.beckon.support.RuleSets;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** A rule developer reads the catalog and registers a schema version in a real browser. */
@QuarkusTest
class CatalogBrowserTest extends BrowserTest {

    private static final String SCHEMA = """
            {"type": "object", "required": ["orderId", "total"],
             "properties": {"orderId": {"type": "string"}, "total": {"type": "number"}}}
            """;

    @BeforeEach
    void signIn() {
        browser.signIn("admin", "test-admin-password");
    }

    @AfterEach
    void restoreStarterPack() {
        RuleSets.restoreStarterPack();
    }

    @Test
    void listsATypeWithItsSchemaSampleVolumeAndRulesAndRegistersAVersion() {
        String type = unique("refund");
        String rule = "Refund watch " + unique("r");
        api().body("{\"schema\": " + SCHEMA + ", \"sample\": {\"orderId\": \"<b>o-1</b>\", \"total\": 3}}")
                .post("/api/event-types/" + type + "/schemas").then().statusCode(201);
        for (int i = 0; i < 2; i++) {
            api().body(event(unique("e"), type, unique("c"), "{\"orderId\": \"o-" + i + "\", \"total\": 9}"))
                    .post("/api/events").then().statusCode(202);
        }
        RuleSets.publishStarterPackWith("""

                rule "%s"
                when
                    Event(type == "%s")
                then
                    decide.escalate("refund review");
                end
                """.formatted(rule, type));

        browser.open("/catalog");
        assertThat(browser.heading()).isEqualTo("Event catalog");
        WebElement row = browser.labelled("Event type " + type).findElement(By.xpath("./ancestor::tr"));
        assertThat(row.getText()).contains("version 1").contains(rule);
        assertThat(browser.labelled("Events per day of " + type).findElements(By.cssSelector(".bar"))).hasSize(14);

        browser.labelled("Event type " + type).click();
        browser.awaitPath("/catalog/" + type);
        assertThat(browser.heading()).isEqualTo(type);
        assertThat(browser.labelled("Schema").getText()).contains("\"orderId\"").contains("\"required\"");
        assertThat(browser.labelled("Sample").getText()).contains("<b>o-1</b>");
        assertThat(browser.labelled("Rules using " + type).getText()).contains(rule);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertThat(browser.labelled("Events per day").getText()).contains(today + " 2");

        fill(SCHEMA.replace("\"orderId\", \"total\"", "\"orderId\""));
        browser.button("Register version").click();
        browser.waitUntil(d -> !browser.allLabelled("Schema refused").isEmpty());
        assertThat(browser.labelled("Schema refused").getText())
                .contains("Incompatible schema").contains("total").contains("was required and is optional now");

        fill(SCHEMA.replace("\"total\": {\"type\": \"number\"}", "\"total\": {\"type\": \"number\"}, \"reason\": {\"type\": \"string\"}"));
        browser.field("Comment").sendKeys("refund reasons");
        browser.button("Register version").click();
        browser.waitUntil(d -> browser.allLabelled("Schema refused").isEmpty()
                && browser.labelled("Schema versions").getText().contains("refund reasons"));
        assertThat(browser.labelled("Schema versions").findElements(By.cssSelector("tbody tr"))).hasSize(2);
        assertThat(browser.labelled("Schema").getText()).contains("\"reason\"");
    }

    private void fill(String schema) {
        browser.script("arguments[0].value = arguments[1]", browser.field("Schema (JSON Schema of the event's data)"), schema);
    }
}
