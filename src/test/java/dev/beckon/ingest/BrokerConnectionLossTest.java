package dev.beckon.ingest;

import static dev.beckon.support.Api.api;
import static dev.beckon.support.Api.event;
import static dev.beckon.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.beckon.support.Rabbit;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The broker drops Beckon's connection (as on a network cut or a broker restart); ingestion comes back by itself. */
@QuarkusTest
class BrokerConnectionLossTest {

    @Test
    void ingestionResumesAfterTheBrokerClosesBeckonsConnection() throws Exception {
        String before = unique("c");
        try (Rabbit rabbit = new Rabbit()) {
            rabbit.publish("page.viewed", event(unique("e"), "page.viewed", before, "{}"));
        }
        awaitProfile(before);

        assertThat(closeBeckonConnections()).as("connections the broker closed").isGreaterThan(0);

        String after = unique("c");
        try (Rabbit rabbit = new Rabbit()) {
            rabbit.publish("page.viewed", event(unique("e"), "page.viewed", after, "{}"));
        }
        awaitProfile(after);
    }

    /** This run's Beckon connection, and no other run's (they share the broker). */
    private static Pattern connectionName() {
        String name = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("beckon.rabbitmq.connection-name", String.class);
        return Pattern.compile("connection_name\\W+(longstr\\W+)?" + Pattern.quote(name) + "[^\\w-]");
    }

    private static void awaitProfile(String customer) {
        await().atMost(Duration.ofSeconds(40)).until(() -> api().get("/api/customers/" + customer).statusCode() == 200);
    }

    /** Asks the broker itself to close Beckon's connection (the test's own are named otherwise). */
    private static int closeBeckonConnections() throws Exception {
        int closed = 0;
        Pattern connection = connectionName();
        Process list = new ProcessBuilder("rabbitmqctl", "-q", "list_connections", "pid", "client_properties")
                .redirectErrorStream(true).start();
        String output = new String(list.getInputStream().readAllBytes());
        list.waitFor();
        for (String line : output.lines().toList()) {
            // Broker versions print client properties differently: {"connection_name","beckon"} or
            // {<<"connection_name">>,longstr,<<"beckon">>}.
            if (connection.matcher(line).find()) {
                String pid = line.substring(0, line.indexOf('>') + 1).trim();
                new ProcessBuilder("rabbitmqctl", "-q", "close_connection", pid, "test: connection cut")
                        .inheritIO().start().waitFor();
                closed++;
            }
        }
        if (closed == 0) {
            System.out.println("rabbitmqctl list_connections said:\n" + output);
        }
        return closed;
    }
}
