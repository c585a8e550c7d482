package dev.beckon.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.beckon.support.BeckonProcess;
import dev.beckon.support.ProcessEnvironment;
import dev.beckon.support.TestEndpoint;
import dev.beckon.support.TestNamespace;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs the shell examples of docs/integrations.md, as they stand, against the packaged Beckon, and
 * checks that they did what the page says: the shop, CRM and POS connected, a decision delivered.
 */
class IntegrationsDocIT {

    static final String KEY = "it-api-key-0123456789";
    private static final Pattern SHELL_BLOCK = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL);

    @Test
    void theCurlExamplesConnectAShopACrmAndAPosAndADecisionGoesOut() throws Exception {
        Map<String, String> environment = ProcessEnvironment.of(
                ProcessEnvironment.freshSchema(TestNamespace.SCHEMA + "_doc_it"), KEY);
        // A developer trying Beckon out sets no session key: the one Beckon makes must not reach the log.
        environment.remove("BECKON_SESSION_KEY");

        try (TestEndpoint receiver = new TestEndpoint();
             BeckonProcess beckon = new BeckonProcess(environment, "integrations-doc").start()) {
            Path script = Files.createTempFile("integrations-doc", ".sh");
            Files.writeString(script, "set -euo pipefail\n" + String.join("\n", shellBlocks()));
            ProcessBuilder bash = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
            bash.environment().putAll(Map.of("BECKON", beckon.baseUrl(), "KEY", KEY, "RECEIVER_URL", receiver.url()));
            Process run = bash.start();
            String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(run.waitFor()).as("the examples ran without an error:\n" + output).isZero();

            RequestSpecification api = given().baseUri(beckon.baseUrl()).header("Authorization", "Bearer " + KEY);
            assertThat(api.get("/api/customers/shopify-customer-207119551/events").jsonPath().getList("type"))
                    .contains("order.completed");
            assertThat(api.get("/api/customers/88/events").jsonPath().getList("type"))
                    .contains("crm.contact_updated", "consent.updated", "pos.sale");
            assertThat(api.get("/api/customers/88/consent").jsonPath().getList("findAll { it.optedOut }.channel"))
                    .containsExactly("email");

            String offer = api.get("/api/customers/shopify-customer-207119551/decisions").then().extract()
                    .path("find { it.kind == 'offer' }.id");
            await().atMost(Duration.ofSeconds(20)).until(() -> !receiver.all().isEmpty());
            assertThat(receiver.all()).extracting(r -> r.header("webhook-id")).contains(offer);
            List<String> channels = api.get("/api/decisions/" + offer + "/deliveries").jsonPath().getList("channel");
            assertThat(channels).contains("webhook", "email");
            assertThat(output).contains("\"status\":\"accepted\"");
            assertThat(beckon.output()).as("Beckon's log").contains("started in").doesNotContainIgnoringCase("encryption key");
        }
    }

    private static List<String> shellBlocks() throws Exception {
        String page = Files.readString(Path.of("docs", "integrations.md"));
        List<String> blocks = new ArrayList<>();
        Matcher block = SHELL_BLOCK.matcher(page);
        while (block.find()) {
            blocks.add(block.group(1));
        }
        assertThat(blocks).as("shell examples in docs/integrations.md").hasSizeGreaterThanOrEqualTo(5);
        return blocks;
    }
}
