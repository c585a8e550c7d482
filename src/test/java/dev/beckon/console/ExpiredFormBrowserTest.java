package dev.beckon.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.beckon.support.BrowserTest;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A form whose CSRF token is not the session's (here: changed in the page, as a form left open over
 * a new sign-in would hold) is refused, and the person is told so without losing what they typed.
 */
@QuarkusTest
class ExpiredFormBrowserTest extends BrowserTest {

    private static final String DRAFT = "rule \"kept through an expired form\"\nwhen\nthen\nend";

    @BeforeEach
    void signInAndWriteARule() {
        browser.signIn("admin", "test-admin-password");
        browser.open("/rules/editor");
        browser.field("Rule text").clear();
        browser.field("Rule text").sendKeys(DRAFT);
        browser.script("document.querySelector('.editor-form input[name=\"csrf-token\"]').value = 'AAAAAAAAAAAAAAAAAAAAAA'");
    }

    @Test
    void expiredFormShowsWhatWasTypedToCopy() {
        browser.field("What does this draft change?").sendKeys("a draft to keep");
        browser.button("Save as draft").click();
        browser.waitUntil(d -> "This form has expired".equals(browser.heading())); // posted to the page's own path
        browser.awaitLoaded();

        assertThat(browser.field("drl").getDomProperty("value")).isEqualTo(DRAFT);
        assertThat(browser.field("comment").getDomProperty("value")).isEqualTo("a draft to keep");
        assertThat(browser.pageText()).contains("Nothing was changed").doesNotContain("AAAAAAAAAAAAAAAAAAAAAA");
    }

    @Test
    void expiredHtmxRequestSaysSoBesideTheFormItLeavesAsTyped() {
        browser.button("Check").click();

        browser.waitUntil(d -> browser.labelled("Form expired").isDisplayed());
        assertThat(browser.labelled("Form expired").getText()).contains("Nothing was changed");
        assertThat(browser.field("Rule text").getDomProperty("value")).isEqualTo(DRAFT);
    }
}
