package dev.beckon.console;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.unique;
import static dev.beckon.support.SegmentFixtures.customer;
import static dev.beckon.support.SegmentFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.beckon.support.BrowserTest;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** A marketer defines a segment with the condition rows and reads its member count, in a real browser. */
@QuarkusTest
class SegmentsBrowserTest extends BrowserTest {

    @BeforeEach
    void signIn() {
        browser.signIn("admin", "test-admin-password");
    }

    @Test
    void aSegmentMadeFromConditionRowsShowsItsMembers() {
        String tag = unique("seg.tag");
        String repeatBuyer = customer(tag);
        order(repeatBuyer, 2);
        order(repeatBuyer, 9);
        String oneOrder = customer(tag);
        order(oneOrder, 2);
        String name = unique("repeat-buyers");

        browser.open("/segments");
        browser.field("Name").sendKeys(name);
        condition(1, "events", tag, ">=", "1", "3650");
        condition(2, "events", "order.completed", ">=", "2", "30");
        browser.button("Create segment").click();
        browser.awaitPath("/segments/" + name);

        assertThat(browser.labelled("Member count").getText()).isEqualTo("1");
        assertThat(browser.labelled("Members").getText()).contains(repeatBuyer).doesNotContain(oneOrder);

        browser.open("/segments");
        assertThat(browser.driver().findElement(By.cssSelector("tr[data-segment='" + name + "'] td.num")).getText())
                .isEqualTo("1");
    }

    @Test
    void savingASegmentInTheConsoleKeepsItsDataFilter() {
        String name = unique("big-carts");
        api().body(Map.of("name", name, "conditions", List.of(Map.of("event", "cart.updated", "op", ">=", "count", 1,
                        "withinDays", 7, "where", Map.of("field", "total", "op", ">", "value", 100)))))
                .post("/api/segments").then().statusCode(201);

        browser.open("/segments/" + name);
        assertThat(browser.labelled("Condition 1 data field").getDomProperty("value")).isEqualTo("total");
        browser.button("Save segment").click();
        browser.awaitPath("/segments/" + name);

        api().get("/api/segments/" + name).then().statusCode(200)
                .body("conditions[0].where.field", org.hamcrest.Matchers.equalTo("total"))
                .body("conditions[0].where.op", org.hamcrest.Matchers.equalTo(">"))
                .body("conditions[0].where.value", org.hamcrest.Matchers.equalTo(100));
    }

    @Test
    void aConditionWithoutItsNumberIsRefusedNamingTheField() {
        browser.open("/segments");
        browser.field("Name").sendKeys(unique("incomplete"));
        condition(1, "lifetime_spend", "", ">", "", "");
        browser.button("Create segment").click();
        browser.waitUntil(d -> !browser.allLabelled("Segment refused").isEmpty());

        assertThat(browser.labelled("Segment refused").getText()).contains("conditions[0].value");
    }

    private static void condition(int row, String what, String eventType, String op, String number, String days) {
        new Select(browser.labelled("Condition " + row + " what")).selectByValue(what);
        browser.labelled("Condition " + row + " event type").sendKeys(eventType);
        new Select(browser.labelled("Condition " + row + " comparison")).selectByValue(op);
        browser.labelled("Condition " + row + " number").sendKeys(number);
        browser.labelled("Condition " + row + " days").sendKeys(days);
    }
}
