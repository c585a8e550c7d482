package dev.beckon.console;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.event;
import static dev.beckon.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.beckon.support.BrowserTest;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** A marketer builds a rule without code in a real browser: fields offered, DRL previewed, draft saved. */
@QuarkusTest
class GuidedRuleBrowserTest extends BrowserTest {

    @BeforeEach
    void signIn() {
        browser.signIn("admin", "test-admin-password");
    }

    @Test
    void buildsPreviewsAndSavesARuleWithoutWritingCode() {
        api().body(event(unique("e"), "wishlist.added", unique("c"), "{\"price\": 65, \"sku\": \"boot-7\"}"))
                .post("/api/events").then().statusCode(202);
        String name = "Wishlist rescue " + unique("n");

        browser.open("/rules/guided");
        assertThat(browser.heading()).isEqualTo("Build a rule");
        browser.field("Rule name").sendKeys(name);
        browser.field("Event type").sendKeys("wishlist.added");
        browser.button("Preview").click();
        browser.awaitPath("/rules/guided/preview");
        assertThat(browser.pageText()).contains("Fields recent wishlist.added events carried").contains("price (number, e.g. 65)");

        browser.labelled("Condition 1 field").sendKeys("price");
        selectByValue("Condition 1 operator", ">=");
        browser.labelled("Condition 1 value").sendKeys("50");
        browser.driver().findElement(By.cssSelector("input[name=kind][value=offer]")).click();
        browser.field("Campaign (offer, follow-up)").sendKeys("wishlist");
        browser.field("Percent off").sendKeys("10");
        browser.field("Code").sendKeys("WISH10");
        browser.button("Preview").click();
        browser.waitUntil(d -> !browser.allLabelled("Generated rule").isEmpty());
        assertThat(browser.labelled("Generated rule").getText())
                .contains("rule \"" + name + "\"")
                .contains("Event(type == \"wishlist.added\", number(\"price\") >= 50)")
                .contains("decide.offer(\"wishlist\").percentOff(10).code(\"WISH10\")");
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 2300));
        browser.screenshot(java.nio.file.Path.of("target", "screenshots", "guided-preview.png"));

        browser.button("Save as draft").click();
        browser.waitUntil(d -> browser.path().startsWith("/rules/versions/"));
        int version = Integer.parseInt(browser.path().substring("/rules/versions/".length()));
        assertThat(browser.heading()).contains("Version " + version);
        assertThat(browser.pageText()).contains(name);
        List<String> guided = api().get("/api/guided-rules?version=" + version).then().extract().jsonPath().getList("rule.name");
        assertThat(guided).contains(name);
    }

    @Test
    void showsWhatIsMissingNextToEachChoiceAndKeepsWhatWasTyped() {
        browser.open("/rules/guided");
        browser.field("Rule name").sendKeys("Half done");
        browser.field("Event type").sendKeys("Not A Type");
        browser.field("Percent off").sendKeys("500");
        browser.driver().findElement(By.cssSelector("input[name=kind][value=offer]")).click();
        browser.button("Save as draft").click();

        browser.waitUntil(d -> !browser.allLabelled("Form errors").isEmpty());
        assertThat(browser.pageText()).contains("must be an event type such as cart.updated")
                .contains("must be above 0 and at most 100");
        assertThat(browser.field("Percent off").getDomProperty("value")).isEqualTo("500");
        assertThat(browser.path()).isEqualTo("/rules/guided/save");
    }

    private static void selectByValue(String label, String value) {
        new org.openqa.selenium.support.ui.Select(browser.labelled(label)).selectByValue(value);
    }
}
