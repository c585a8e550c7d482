package dev.beckon.ingest;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.event;
import static dev.beckon.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * When every pooled connection is busy (a slow database holds them all), an HTTP ingest request
 * waits no longer than the pool's acquisition timeout and is refused with a 503 the client can
 * retry, rather than queueing without bound or failing with a 500.
 */
@QuarkusTest
class ExhaustedPoolTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anEventPostedWhileEveryConnectionIsTakenIsRefusedWith503AndRetryAfter() throws Exception {
        String customer = unique("c");
        String id = unique("e");
        String body = event(id, "page.viewed", customer, "{}");
        List<Connection> taken = new ArrayList<>();
        Response refused;
        try {
            int size = dataSource.getConfiguration().connectionPoolConfiguration().maxSize();
            while (taken.size() < size) {
                taken.add(dataSource.getConnection());
            }
            refused = api().body(body).post("/api/events");
        } finally {
            for (Connection connection : taken) {
                connection.close();
            }
        }
        refused.then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", notNullValue()).body("status", equalTo(503));
        assertThat(refused.jsonPath().getString("detail")).contains("nothing was stored");

        api().body(body).post("/api/events").then().statusCode(202).body("accepted", equalTo(1));
    }
}
