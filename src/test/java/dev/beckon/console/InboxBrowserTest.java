package dev.beckon.console;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.beckon.support.BrowserTest;
import dev.beckon.support.ConsoleSession;
import dev.beckon.support.Escalations;
import dev.beckon.support.RuleSets;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The support inbox in a real browser: an escalation appears by itself, is claimed, noted and resolved, and the rules hear of it. */
@QuarkusTest
class InboxBrowserTest extends BrowserTest {

    @Test
    void anEscalationRaisedByAnEventAppearsWithoutReloadingAndIsClaimedNotedAndResolved() throws Exception {
        String user = unique("support");
        String password = unique("pw");
        ConsoleSession.createUser(user, password, "support");
        RuleSets.publishStarterPackWith(Escalations.GOODWILL_AFTER_REFUND);
        try {
            browser.signIn(user, password);
            browser.open("/inbox");
            browser.script("window.stillTheSamePage = true;");

            String customer = unique("c");
            String id = Escalations.negativeFeedback(customer);
            By row = By.cssSelector("tr[data-escalation='" + id + "']");
            browser.waitUntil(d -> !d.findElements(row).isEmpty());
            assertThat(browser.script("return window.stillTheSamePage === true")).isEqualTo(true);
            assertThat(browser.driver().findElement(row).getText())
                    .contains("high", "Negative feedback", customer, "support", "left", "open");

            browser.driver().findElement(row).findElement(By.tagName("a")).click();
            browser.awaitPath("/inbox/" + id);
            browser.button("Claim").click();
            untilText("Assignee", user::equals);

            String note = "<script>window.noteRan = true</script><b>Refund</b> agreed on the phone";
            browser.field("Note").sendKeys(note);
            browser.button("Add note").click();
            untilText("History", history -> history.contains("agreed on the phone"));
            assertThat(browser.labelled("History").getText()).contains(user + " claimed it").contains(note);
            assertThat(browser.script("return window.noteRan === undefined")).isEqualTo(true);

            new Select(browser.field("Outcome")).selectByVisibleText("Refunded");
            browser.button("Resolve").click();
            untilText("Status", "resolved"::equals);
            assertThat(browser.labelled("Outcome").getText()).isEqualTo("Refunded");
            assertThat(browser.labelled("History").getText()).contains(user + " resolved it: Refunded");

            await().atMost(Duration.ofSeconds(15)).until(() -> hasGoodwillOffer(customer));
            browser.open("/inbox/" + id);
            assertThat(browser.labelled("Timeline").getText())
                    .contains("Event escalation.resolved")
                    .contains("Decision: offer goodwill by \u201cGoodwill after a refund\u201d");
        } finally {
            RuleSets.restoreStarterPack();
        }
    }

    @Test
    void theQueueFiltersByAssigneeAndStatus() throws Exception {
        String user = unique("support");
        String password = unique("pw");
        ConsoleSession.createUser(user, password, "support");
        String mine = Escalations.negativeFeedback(unique("c"));
        String someoneElses = Escalations.negativeFeedback(unique("c"));
        api().body(Map.of("assignee", user)).post("/api/escalations/" + mine + "/assign").then().statusCode(200);

        browser.signIn(user, password);
        browser.open("/inbox?assignee=mine");
        assertThat(rows()).contains(mine).doesNotContain(someoneElses);
        browser.open("/inbox?assignee=unassigned");
        assertThat(rows()).contains(someoneElses).doesNotContain(mine);
        browser.open("/inbox?status=resolved");
        assertThat(rows()).doesNotContain(mine, someoneElses);
    }

    private static List<String> rows() {
        return browser.driver().findElements(By.cssSelector("tr[data-escalation]")).stream()
                .map(r -> r.getDomAttribute("data-escalation")).toList();
    }

    /** Waits for the element labelled {@code label} on the page shown after a form post to read as expected. */
    private static void untilText(String label, Predicate<String> expected) {
        browser.waitUntil(d -> {
            try {
                List<WebElement> found = browser.allLabelled(label);
                return !found.isEmpty() && expected.test(found.get(0).getText());
            } catch (RuntimeException pageSwapped) {
                return false;
            }
        });
    }

    private static boolean hasGoodwillOffer(String customer) {
        List<Map<String, Object>> decisions = api().get("/api/customers/{id}/decisions", customer).jsonPath().getList("$");
        return decisions.stream().anyMatch(d -> "goodwill".equals(d.get("campaign")));
    }
}
