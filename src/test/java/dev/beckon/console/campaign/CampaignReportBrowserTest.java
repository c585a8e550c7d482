package dev.beckon.console.campaign;

import static dev.beckon.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.beckon.campaign.report.ReportData;
import dev.beckon.support.BrowserTest;
import dev.beckon.support.ConsoleUsers;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** A campaign's report read in a real browser, by someone who may only read. */
@QuarkusTest
class CampaignReportBrowserTest extends BrowserTest {

    static final String GOAL = "order.completed";
    static final Instant T = Instant.parse("2025-03-03T10:00:00Z");
    /** Markup that would set a flag on the window if a page inserted it unescaped. */
    static final String PROBE = "<img src=x onerror=\"window.__probe='image'\">";

    @Test
    void aViewerPicksAPeriodAndReadsTheUpliftWithItsCharts() throws Exception {
        String campaign = unique("spring");
        ReportData data = ReportData.campaign(campaign, GOAL, Map.of());
        // 10 of 40 sent customers convert (25%), 2 of 20 held out (10%): fifteen points of uplift.
        for (int i = 0; i < 40; i++) {
            String customer = unique("c");
            data.sent(customer, T.plus(Duration.ofDays(i % 3)));
            if (i < 10) {
                data.event(customer, GOAL, T.plus(Duration.ofDays(4)), "{\"total\": 50}");
            }
        }
        for (int i = 0; i < 20; i++) {
            String customer = unique("c");
            data.heldOut(customer, T);
            if (i < 2) {
                data.event(customer, GOAL, T.plus(Duration.ofDays(1)), "{\"total\": 50}");
            }
        }
        data.suppressed(unique("c"), T, "quiet hours " + PROBE);
        data.save();
        ConsoleUsers.Credentials viewer = ConsoleUsers.create("viewer", "viewer");

        browser.signIn(viewer.user(), viewer.password());
        browser.open("/campaigns/" + campaign + "/report");
        assertThat(browser.heading()).isEqualTo("Report of " + campaign);
        pick("From (UTC)", "2025-03-01");
        pick("To, inclusive", "2025-03-31");
        browser.button("Show").click();
        browser.waitUntil(d -> browser.query() != null && browser.query().contains("from=2025-03-01"));

        assertThat(browser.labelled("Uplift").getText()).isEqualTo("+15.0 pp");
        assertThat(browser.labelled("Treatment conversion rate").getText()).isEqualTo("25.0%");
        assertThat(browser.labelled("Holdout conversion rate").getText()).isEqualTo("10.0%");
        assertThat(browser.labelled("Treatment revenue per customer").getText()).isEqualTo("12.50");
        assertThat(browser.labelled("Uplift interval").getText()).matches("[-+]\\d+\\.\\d pp to \\+\\d+\\.\\d pp");

        WebElement rates = browser.labelled("Conversion rate by group");
        assertThat(rates.getTagName()).isEqualTo("svg");
        assertThat(rates.findElements(By.cssSelector("rect"))).hasSize(2);
        assertThat(rates.findElements(By.cssSelector("line.whisker"))).hasSize(6);
        WebElement daily = browser.labelled("Conversions per day");
        assertThat(daily.getTagName()).isEqualTo("svg");
        assertThat(daily.findElements(By.cssSelector("rect.treatment"))).as("one bar a day of March").hasSize(31);

        assertThat(browser.labelled("Suppressed decisions").getText()).contains("quiet hours " + PROBE);
        assertThat(browser.script("return window.__probe === undefined ? 'nothing' : window.__probe;")).isEqualTo("nothing");
    }

    /**
     * Sets a date field as its picker would. Typing into one depends on the browser's locale (month
     * or day first), so the value is set the way the picker sets it.
     */
    private static void pick(String label, String isoDate) {
        browser.script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'));",
                browser.field(label), isoDate);
    }

    /** The link on the report page downloads the decisions of the period shown, with the browser's own session. */
    @Test
    void aMarketerDownloadsTheDecisionsOfThePeriodShown() throws Exception {
        String campaign = unique("download");
        ReportData data = ReportData.campaign(campaign, GOAL, Map.of());
        String inMarch = unique("c");
        String inApril = unique("c");
        data.sent(inMarch, T);
        data.event(inMarch, GOAL, T.plus(Duration.ofDays(1)), "{}");
        data.heldOut(inApril, T.plus(Duration.ofDays(30)));
        data.save();
        ConsoleUsers.Credentials marketer = ConsoleUsers.create("marketer", "marketer");

        browser.signIn(marketer.user(), marketer.password());
        browser.open("/campaigns/" + campaign + "/report?from=2025-03-01&to=2025-03-31");
        String href = browser.labelled("Download decisions (CSV)").getDomAttribute("href");
        Map<String, String> cookies = new java.util.HashMap<>();
        browser.driver().manage().getCookies().forEach(c -> cookies.put(c.getName(), c.getValue()));
        io.restassured.response.Response csv = io.restassured.RestAssured.given().cookies(cookies).redirects().follow(false)
                .get(href).then().statusCode(200).extract().response();

        assertThat(href).isEqualTo("/campaigns/" + campaign + "/report/decisions.csv?from=2025-03-01&to=2025-03-31");
        assertThat(csv.header("Content-Disposition")).startsWith("attachment");
        assertThat(csv.asString()).startsWith("customer_id,decision_id,").contains(inMarch).doesNotContain(inApril);
        assertThat(csv.asString().lines().filter(l -> l.startsWith(inMarch)).findFirst().orElseThrow())
                .contains(",treatment,sent,").contains(",yes,1,");
    }

    @Test
    void aCampaignWithoutAGoalShowsItsDecisionsAndSaysWhyThereIsNoUplift() throws Exception {
        String campaign = unique("nogoal");
        ReportData data = ReportData.campaign(campaign, null, Map.of());
        data.sent(unique("c"), T);
        data.heldOut(unique("c"), T);
        data.save();
        ConsoleUsers.Credentials viewer = ConsoleUsers.create("viewer", "viewer");

        browser.signIn(viewer.user(), viewer.password());
        browser.open("/campaigns/" + campaign + "/report?from=2025-03-01&to=2025-03-07");

        assertThat(browser.labelled("Note").getText()).contains("has no goal");
        assertThat(browser.allLabelled("Uplift")).isEmpty();
        assertThat(browser.allLabelled("Conversion rate by group")).isEmpty();
        assertThat(browser.labelled("Decisions per day").findElements(By.cssSelector("rect"))).hasSize(14);
    }

    @Test
    void aPeriodThatIsNotValidIsShownWithTheFormToFixIt() throws Exception {
        String campaign = unique("autumn");
        ReportData.campaign(campaign, GOAL, Map.of());
        ConsoleUsers.Credentials viewer = ConsoleUsers.create("viewer", "viewer");

        browser.signIn(viewer.user(), viewer.password());
        browser.open("/campaigns/" + campaign + "/report?from=2025-03-10&to=2025-03-01");

        assertThat(browser.labelled("Period refused").getText()).contains("to").contains("must be after from");
        assertThat(browser.field("From (UTC)").getDomProperty("value")).isEqualTo("2025-03-10");
    }
}
