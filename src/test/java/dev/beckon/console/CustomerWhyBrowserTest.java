package dev.beckon.console;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.event;
import static dev.beckon.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.beckon.support.BrowserTest;
import dev.beckon.support.ConsoleUsers;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The messaging policy page and the customer page's why-not view, worked in a real browser. */
@QuarkusTest
class CustomerWhyBrowserTest extends BrowserTest {

    @AfterEach
    void clearPolicy() {
        api().body(Map.of("caps", List.of())).put("/api/policy").then().statusCode(200);
    }

    @Test
    void aMarketerCapsOffersAndTheCustomerPageSaysWhyTheSecondWasNotSent() throws Exception {
        ConsoleUsers.Credentials marketer = ConsoleUsers.create("marketer", "marketer");
        browser.signIn(marketer.user(), marketer.password());
        browser.open("/policy");
        browser.labelled("Max, row 1").sendKeys("1");
        browser.labelled("Per, row 1").sendKeys("P7D");
        browser.button("Save the policy").click();
        browser.waitUntil(d -> browser.pageText().contains("The policy was saved."));
        assertThat(api().get("/api/policy").then().extract().<Integer>path("caps[0].max")).isEqualTo(1);

        // Two late-checkout offers (a registered, running campaign with no control group) for one guest.
        String guest = unique("guest");
        for (int i = 0; i < 2; i++) {
            api().body(event(unique("e"), "room.assigned", guest, "{}")).post("/api/events").then().statusCode(202);
            int decided = i + 1;
            await().atMost(Duration.ofSeconds(20)).until(() -> api().get("/api/customers/" + guest + "/why")
                    .jsonPath().getList("decisions.outcome").stream().filter(o -> !"planning".equals(o)).count() == decided);
        }

        browser.open("/customers");
        browser.field("Customer id").sendKeys(guest);
        browser.button("Show").click();
        browser.waitUntil(d -> d.getCurrentUrl().contains("id="));
        browser.awaitLoaded();
        assertThat(browser.heading()).isEqualTo("Customer " + guest);
        assertThat(browser.labelled("Time zone").getText()).startsWith("not known");
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("table[aria-label='Decisions'] tbody tr"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).getText()).contains("suppressed").contains("frequency cap: at most 1 message per P7D");
        assertThat(rows.get(1).getText()).contains("sent").contains("Hotel late checkout upsell");
    }

    @Test
    void aViewerReadsThePolicyButCannotChangeIt() throws Exception {
        ConsoleUsers.Credentials viewer = ConsoleUsers.create("viewer", "viewer");
        browser.signIn(viewer.user(), viewer.password());
        browser.open("/policy");
        assertThat(browser.heading()).isEqualTo("Messaging policy");
        assertThat(browser.buttons("Save the policy")).isEmpty();
        assertThat(browser.labelled("Max, row 1").isEnabled()).isFalse();
    }
}
