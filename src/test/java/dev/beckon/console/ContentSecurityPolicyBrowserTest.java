package dev.beckon.console;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.beckon.support.BrowserTest;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The console works under its strict Content-Security-Policy in a real Chromium: no page, htmx
 * included, does anything the policy refuses. Each violation the browser reports
 * ({@code securitypolicyviolation}, listened for before any of the page's own scripts run) fails the test.
 */
@QuarkusTest
class ContentSecurityPolicyBrowserTest extends BrowserTest {

    private static final List<String> PAGES = List.of("/", "/rules", "/rules/editor", "/rules/guided", "/rules/scenarios",
            "/backtests", "/campaigns", "/campaigns/new", "/catalog", "/segments", "/messages", "/messages/new", "/deliveries",
            "/customers", "/policy", "/inbox", "/webhooks", "/endpoints", "/privacy", "/users", "/api-keys", "/audit");

    @Test
    void noConsolePageBreaksTheContentSecurityPolicy() {
        postAnEvent(); // so that the catalog has a chart
        listenForViolations();
        List<String> violations = new ArrayList<>();
        browser.signedOut();
        browser.open("/login");
        violations.addAll(violations("/login"));
        browser.signIn("admin", "test-admin-password");
        for (String page : PAGES) {
            browser.open(page);
            violations.addAll(violations(page));
        }
        assertThat(violations).as("Content-Security-Policy violations").isEmpty();
    }

    @Test
    void theBrowserRefusesAScriptWrittenIntoThePage() {
        browser.signedOut();
        browser.open("/login");

        Object ran = browser.script("""
                var script = document.createElement('script');
                script.textContent = 'window.__injected = true;';
                document.head.appendChild(script);
                return window.__injected === true;
                """);
        assertThat(ran).isEqualTo(false);
    }

    @Test
    void chartBarsAreSizedWithoutStyleAttributes() {
        postAnEvent(); // so that the catalog has a chart
        browser.signIn("admin", "test-admin-password");
        browser.open("/catalog");

        List<WebElement> bars = browser.driver().findElements(By.cssSelector(".bar[data-height]"));
        assertThat(bars).isNotEmpty();
        for (WebElement bar : bars) {
            assertThat(browser.script("return arguments[0].style.height", bar)).isEqualTo(bar.getDomAttribute("data-height") + "%");
        }
    }

    private static void postAnEvent() {
        api().body(Map.of("id", unique("e"), "type", "cart.updated", "customerId", unique("c"), "source", "test",
                "data", Map.of("total", 150, "currency", "EUR"))).post("/api/events").then().statusCode(202);
    }

    /** Records every violation in every document the browser opens from now on, before the page's scripts run. */
    private static void listenForViolations() {
        browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                window.__cspViolations = [];
                document.addEventListener('securitypolicyviolation', function (e) {
                  window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline')
                      + (e.sample ? ' (' + e.sample + ')' : ''));
                });
                """));
    }

    @SuppressWarnings("unchecked")
    private static List<String> violations(String page) {
        browser.awaitLoaded();
        // htmx starts on DOMContentLoaded, and a violation is reported as an event after it happens:
        // the page's own timers and this script run on one event loop, so a zero timeout waits for both.
        List<Object> seen = (List<Object>) browser.driver().executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                setTimeout(function () {
                  done(window.__cspViolations === undefined ? ['no violation listener in the page'] : window.__cspViolations);
                }, 0);
                """);
        return seen.stream().map(v -> page + ": " + v).toList();
    }
}
