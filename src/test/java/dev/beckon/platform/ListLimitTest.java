package dev.beckon.platform;

import static dev.beckon.support.Api.api;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ListLimitTest {

    static final List<String> LISTS = List.of("/api/deliveries", "/api/customers/c-1/events",
            "/api/customers/c-1/decisions", "/api/escalations");

    @Test
    void everyListRefusesALimitOutsideOneToFiveHundredNamingTheParameter() {
        for (String list : LISTS) {
            for (int limit : new int[] {0, 501}) {
                api().get(list + "?limit=" + limit).then().statusCode(400)
                        .body("errors[0].field", equalTo("limit"))
                        .body("errors[0].message", equalTo("must be between 1 and 500"));
            }
            api().get(list + "?limit=500").then().statusCode(200);
        }
    }
}
