package dev.beckon.ingest;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.event;
import static dev.beckon.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.rabbitmq.client.GetResponse;
import dev.beckon.support.RuleSets;
import dev.beckon.support.Rabbit;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DeadLetterTest {

    private static final String THROWING_RULE = """

            rule "Broken offer"
            when
                Event(type == "test.boom")
            then
                decide.offer("broken");
            end
            """;

    private static final String FIXED_RULE = """

            rule "Fixed offer"
            when
                Event(type == "test.boom")
            then
                decide.offer("fixed").percentOff(5);
            end
            """;

    @AfterEach
    void restoreStarterPack() {
        RuleSets.restoreStarterPack();
    }

    @Test
    void aPoisonMessageIsDeadLetteredWithItsReasonAndTheConsumerKeepsGoing() throws Exception {
        String customer = unique("c");
        try (Rabbit rabbit = new Rabbit()) {
            rabbit.drain(Rabbit.DEAD);
            rabbit.publish("cart.updated", "{this is not json " + customer);
            rabbit.publish("cart.updated", "{\"id\": \"" + unique("e") + "\", \"type\": \"cart.updated\"}");
            rabbit.publish("cart.updated", event(unique("e"), "cart.updated", customer, "{\"total\": 10}"));

            await().atMost(Duration.ofSeconds(20)).until(() ->
                    api().get("/api/customers/" + customer).statusCode() == 200);

            List<GetResponse> dead = new ArrayList<>();
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                dead.addAll(rabbit.drain(Rabbit.DEAD));
                return dead.size() >= 2;
            });
            List<String> reasons = dead.stream()
                    .map(m -> String.valueOf(m.getProps().getHeaders().get("x-beckon-reason"))).toList();
            assertThat(reasons).anySatisfy(r -> assertThat(r).startsWith("Not valid JSON"));
            assertThat(reasons).anySatisfy(r -> assertThat(r).contains("customerId is required"));
            assertThat(dead).extracting(Rabbit::body).anySatisfy(b -> assertThat(b).contains(customer));
        }
        List<Map<String, Object>> recorded = api().get("/api/dead-letters").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertThat(recorded).anySatisfy(letter -> {
            assertThat((String) letter.get("payload")).contains(customer);
            assertThat((String) letter.get("reason")).startsWith("Not valid JSON");
            assertThat(letter.get("channel")).isEqualTo("rabbitmq");
        });
    }

    @Test
    void anEventARuleFailsOnIsDeadLetteredAndReplaysOnceTheRuleIsFixed() throws Exception {
        RuleSets.publishStarterPackWith(THROWING_RULE);
        String customer = unique("c");
        String id = unique("e");
        try (Rabbit rabbit = new Rabbit()) {
            rabbit.publish("test.boom", event(id, "test.boom", customer, "{}"));
        }
        Map<String, Object> letter = awaitDeadLetter(id);
        assertThat((String) letter.get("reason")).contains("rule \"Broken offer\"").contains("percentOff");
        api().get("/api/customers/" + customer + "/events").then().body("size()", equalTo(0));

        api().post("/api/dead-letters/" + letter.get("id") + "/replay").then().statusCode(422)
                .body("detail", containsString("Broken offer"));

        RuleSets.publishStarterPackWith(FIXED_RULE);
        api().post("/api/dead-letters/" + letter.get("id") + "/replay").then().statusCode(200)
                .body("status", equalTo("accepted"))
                .body("decisions", equalTo(1));
        api().get("/api/customers/" + customer + "/decisions").then().body("[0].campaign", equalTo("fixed"));
        api().get("/api/dead-letters/" + letter.get("id")).then().body("status", equalTo("replayed"));
        api().post("/api/dead-letters/" + letter.get("id") + "/replay").then().statusCode(409);
    }

    @Test
    void dataTheDatabaseRefusesIsRejectedAloneAndTheRestOfTheBatchIsStored() {
        String customer = unique("c");
        String good = event(unique("e"), "page.viewed", customer, "{}");
        String nulId = unique("e");
        String nul = event(nulId, "page.viewed", customer, "{\"note\": \"\\u0000\"}");

        api().body("[" + good + "," + nul + "]").post("/api/events").then().statusCode(202)
                .body("accepted", equalTo(1))
                .body("rejected", equalTo(1))
                .body("results[1].status", equalTo("rejected"))
                .body("results[1].reason", containsString("Could not be stored"));

        api().get("/api/customers/" + customer).then().body("eventCount", equalTo(1));
        assertThat((String) awaitDeadLetter(nulId).get("channel")).isEqualTo("http");
    }

    @Test
    void logLinesAboutAnEventCarryItsIdAndCorrelationId() {
        RuleSets.publishStarterPackWith(THROWING_RULE);
        String id = unique("e");
        List<ExtLogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                ExtLogRecord extended = ExtLogRecord.wrap(record);
                extended.copyAll(); // the MDC is read on the thread that logged, not later on the test's
                records.add(extended);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(IngestPipeline.class.getName());
        logger.addHandler(capture);
        try {
            api().body("{\"id\": \"" + id + "\", \"type\": \"test.boom\", \"customerId\": \"" + unique("c")
                    + "\", \"correlationId\": \"corr-77\"}").post("/api/events").then().statusCode(202);
        } finally {
            logger.removeHandler(capture);
        }
        assertThat(records).anySatisfy(r -> {
            assertThat(r.getMdc("eventId")).isEqualTo(id);
            assertThat(r.getMdc("correlationId")).isEqualTo("corr-77");
        });
    }

    private static Map<String, Object> awaitDeadLetter(String eventId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> find(eventId) != null);
        return find(eventId);
    }

    private static Map<String, Object> find(String eventId) {
        List<Map<String, Object>> letters = api().get("/api/dead-letters").then().extract().jsonPath().getList("$");
        return letters.stream().filter(l -> eventId.equals(l.get("messageKey"))).findFirst().orElse(null);
    }
}
