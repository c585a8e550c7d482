package dev.beckon.ingest.webhook;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.event;
import static dev.beckon.support.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.beckon.support.MovableClock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Refused webhooks come from anyone who knows the URL: each is counted, but the log gets a bounded
 * number of lines about them, and says what really happened.
 */
@QuarkusTest
class WebhookRefusalLogTest {

    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString("refusals are counted, 32 bytes!!".getBytes(StandardCharsets.UTF_8));

    @Inject
    MeterRegistry metrics;
    @Inject
    MovableClock clock;

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= java.util.logging.Level.INFO.intValue()) {
                lines.add(String.valueOf(record.getMessage()) + " " + List.of(record.getParameters() == null ? new Object[0] : record.getParameters()));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Logger webhooks = Logger.getLogger("dev.beckon.ingest.webhook");

    @BeforeEach
    void captureLog() {
        webhooks.addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        webhooks.removeHandler(capture);
        clock.reset();
    }

    @Test
    void everyRefusedWebhookIsCountedButAFloodOfThemLogsOneLineAMinuteWithHowManyItHeld() {
        String source = createSource();
        for (int i = 0; i < 200; i++) {
            unsigned(source).then().statusCode(401);
        }

        assertThat(refused(source, "signature")).isEqualTo(200);
        assertThat(lines).filteredOn(line -> line.contains(source)).hasSize(1);

        clock.advance(WebhookRefusals.LOG_INTERVAL);
        unsigned(source).then().statusCode(401);
        assertThat(lines).filteredOn(line -> line.contains(source)).hasSize(2)
                .last().asString().contains("199 more");
    }

    @Test
    void refusalsForSourcesThatDoNotExistShareOneSeriesInsteadOfOnePerMadeUpName() {
        double before = refused("(unknown)", "unknown-source");
        String madeUp = unique("nobody");
        unsigned(madeUp).then().statusCode(404);
        unsigned(unique("nobody")).then().statusCode(404);

        assertThat(refused("(unknown)", "unknown-source") - before).isEqualTo(2);
        assertThat(metrics.find("beckon.webhooks.refused").tag("source", madeUp).counter()).isNull();
    }

    @Test
    void aDisabledSourceIsLoggedAndCountedAsDisabledNotAsMissing() {
        String source = createSource();
        api().post("/api/webhook-sources/" + source + "/disable").then().statusCode(200);

        unsigned(source).then().statusCode(404).contentType("application/problem+json");

        assertThat(refused(source, "disabled-source")).isEqualTo(1);
        assertThat(lines).filteredOn(line -> line.contains(source))
                .anySatisfy(line -> assertThat(line).contains("disabled"))
                .noneSatisfy(line -> assertThat(line).contains("No webhook source"));
    }

    private static String createSource() {
        String source = unique("refusing");
        api().body(Map.of("name", source, "scheme", "standard", "secrets", List.of(SECRET))).post("/api/webhook-sources")
                .then().statusCode(201);
        return source;
    }

    private static io.restassured.response.Response unsigned(String source) {
        return given().contentType(ContentType.JSON).body(event(unique("e"), "page.viewed", unique("c"), "{}"))
                .post("/hooks/" + source);
    }

    private double refused(String source, String reason) {
        Counter counter = metrics.find("beckon.webhooks.refused").tags("source", source, "reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }
}
