package dev.beckon.support;

import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** A console test in a real headless Chromium: one browser per test class, pointed at the running Beckon. */
public abstract class BrowserTest {

    protected static Browser browser;

    @TestHTTPResource("/")
    protected URL base;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    /** Runs after a test class's own {@code @AfterAll}, which may still use the browser. */
    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @BeforeEach
    void pointTheBrowserAtBeckon() {
        browser.at(base);
    }
}
