package dev.beckon.broker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/asyncapi.yaml describes the exchanges and queues Beckon declares, by their default names, so it cannot drift silently. */
class AsyncApiDocumentTest {

    private static final JsonNode DOCUMENT = read();

    @Test
    void isAnAsyncApi3DocumentWhoseReferencesResolve() {
        assertThat(DOCUMENT.path("asyncapi").asText()).startsWith("3.");
        List<String> refs = new ArrayList<>();
        collectRefs(DOCUMENT, refs);
        assertThat(refs).isNotEmpty().allSatisfy(ref ->
                assertThat(DOCUMENT.at(ref.substring(1)).isMissingNode()).as(ref).isFalse());
    }

    @Test
    void describesEachExchangeBeckonDeclaresWithItsKind() throws Exception {
        assertThat(binding("exchange", defaultOf("eventsExchange")).path("type").asText()).isEqualTo("topic");
        assertThat(binding("exchange", defaultOf("decisionsExchange")).path("type").asText()).isEqualTo("topic");
        assertThat(binding("exchange", defaultOf("deadLetterExchange")).path("type").asText()).isEqualTo("fanout");
    }

    @Test
    void describesEachQueueBeckonDeclares() throws Exception {
        assertThat(binding("queue", defaultOf("ingestQueue")).path("durable").asBoolean()).isTrue();
        assertThat(binding("queue", defaultOf("deadLetterQueue")).path("durable").asBoolean()).isTrue();
    }

    @Test
    void deadLettersCarryTheHeadersBeckonSets() {
        JsonNode headers = DOCUMENT.at("/components/messages/deadLetter/headers/properties");
        assertThat(headers.has("x-beckon-reason")).isTrue();
        assertThat(headers.has("x-beckon-dead-letter-id")).isTrue();
    }

    /** The amqp binding ({@code exchange} or {@code queue}) of the channel whose address is {@code name}. */
    private static JsonNode binding(String kind, String name) {
        for (JsonNode channel : DOCUMENT.path("channels")) {
            JsonNode amqp = channel.path("bindings").path("amqp");
            String is = "queue".equals(amqp.path("is").asText()) ? "queue" : "exchange";
            if (kind.equals(is) && name.equals(channel.path("address").asText()) && name.equals(amqp.path(kind).path("name").asText())) {
                return amqp.path(kind);
            }
        }
        throw new AssertionError("docs/asyncapi.yaml describes no " + kind + " " + name);
    }

    private static String defaultOf(String setting) throws NoSuchMethodException {
        return BrokerConfig.class.getMethod(setting).getAnnotation(WithDefault.class).value();
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.has("$ref")) {
            refs.add(node.get("$ref").asText());
        }
        node.forEach(child -> collectRefs(child, refs));
    }

    private static JsonNode read() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(Path.of("docs", "asyncapi.yaml").toFile());
        } catch (Exception e) {
            throw new IllegalStateException("docs/asyncapi.yaml does not read as YAML", e);
        }
    }
}
