package dev.beckon.ingest;

import dev.beckon.support.TestNamespace;
import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.event;
import static dev.beckon.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A database error that is not a connection problem, but that every message meets (here a table
 * gone missing, as with a schema out of step), must not dead-letter good events one after another.
 */
@QuarkusTest
class SystemicFailureTest {

    @Test
    void aBatchWhoseMessagesAllFailAloneIsHeldNotDeadLettered() throws Exception {
        String customer = unique("c");
        String first = unique("e");
        String second = unique("e");
        String body = "[" + event(first, "page.viewed", customer, "{}") + "," + event(second, "page.viewed", customer, "{}") + "]";
        try (Connection db = TestNamespace.database();
             Statement sql = db.createStatement()) {
            sql.execute("ALTER TABLE customer_profiles RENAME TO customer_profiles_away");
            try {
                api().body(body).post("/api/events").then().statusCode(503);
            } finally {
                sql.execute("ALTER TABLE customer_profiles_away RENAME TO customer_profiles");
            }
        }
        List<String> letters = api().get("/api/dead-letters").then().extract().jsonPath().getList("messageKey");
        assertThat(letters).doesNotContain(first, second);

        api().body(body).post("/api/events").then().statusCode(202).body("accepted", equalTo(2));
    }
}
