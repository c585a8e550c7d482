package dev.beckon.console;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.event;
import static dev.beckon.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.beckon.support.BrowserTest;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An admin erases a customer from the console, after typing the id twice. */
@QuarkusTest
class PrivacyBrowserTest extends BrowserTest {

    @BeforeEach
    void signIn() {
        browser.signIn("admin", "test-admin-password");
    }

    @Test
    void anAdminErasesACustomerOnlyWhenTheIdIsTypedTwice() {
        String customer = unique("c");
        api().body(event(unique("e"), "cart.updated", customer, "{\"total\": 80}")).post("/api/events").then().statusCode(202);

        browser.open("/privacy");
        // The page has two "Customer id" fields: export's and erasure's.
        browser.driver().findElement(org.openqa.selenium.By.id("erase-customer")).sendKeys(customer);
        browser.field("Type the id again to confirm").sendKeys(customer + "x");
        browser.button("Erase this customer").click();
        browser.waitUntil(d -> !browser.allLabelled("Problems").isEmpty());
        assertThat(browser.labelled("Problems").getText()).contains("must repeat the customer id exactly");
        api().get("/api/customers/{id}", customer).then().statusCode(200);

        browser.field("Type the id again to confirm").sendKeys(customer);
        browser.button("Erase this customer").click();
        browser.waitUntil(d -> !browser.allLabelled("Erased").isEmpty());
        assertThat(browser.labelled("Erased").getText()).contains("events: 1 deleted");
        api().get("/api/customers/{id}", customer).then().statusCode(404);
    }
}
