package dev.beckon.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes manifests in k8s/, checked in the build since no cluster or schema checker is at
 * hand: each document parses and names itself, kustomizations list files that exist, the probes ask
 * Beckon's real health endpoints (which answer without a key), and everything that selects or scales
 * the Deployment names it and its labels.
 */
@QuarkusTest
class ManifestsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void everyManifestParsesAndNamesItsKind() throws IOException {
        List<JsonNode> manifests = manifests();
        assertThat(manifests).extracting(m -> m.path("kind").asText())
                .contains("Deployment", "Service", "PodDisruptionBudget", "ConfigMap", "ScaledObject",
                        "TriggerAuthentication", "Kustomization");
        for (JsonNode manifest : manifests) {
            assertThat(manifest.path("apiVersion").asText()).as(manifest.toString()).isNotBlank();
            if (!manifest.path("kind").asText().equals("Kustomization")) {
                assertThat(manifest.path("metadata").path("name").asText()).as(manifest.toString()).isNotBlank();
            }
        }
    }

    @Test
    void kustomizationsListOnlyFilesAndFoldersThatExist() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("k8s"))) {
            for (Path kustomization : files.filter(f -> f.getFileName().toString().equals("kustomization.yaml")).toList()) {
                for (JsonNode resource : YAML.readTree(kustomization.toFile()).path("resources")) {
                    assertThat(kustomization.getParent().resolve(resource.asText())).as(kustomization + ": " + resource).exists();
                }
            }
        }
    }

    @Test
    void theProbesAskHealthEndpointsThatAnswerWithoutAKey() throws IOException {
        JsonNode container = deployment().path("spec").path("template").path("spec").path("containers").get(0);
        List<String> ports = new ArrayList<>();
        container.path("ports").forEach(p -> ports.add(p.path("name").asText()));
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            JsonNode get = container.path(probe).path("httpGet");
            assertThat(ports).as(probe + " port").contains(get.path("port").asText());
            given().get(get.path("path").asText()).then().statusCode(200);
        }
    }

    @Test
    void theServiceTheBudgetAndTheScalerPointAtTheDeployment() throws IOException {
        JsonNode deployment = deployment();
        JsonNode podLabels = deployment.path("spec").path("template").path("metadata").path("labels");
        assertThat(deployment.path("spec").path("selector").path("matchLabels")).isEqualTo(podLabels);
        for (JsonNode manifest : manifests()) {
            switch (manifest.path("kind").asText()) {
                case "Service":
                    assertThat(manifest.path("spec").path("selector")).isEqualTo(podLabels);
                    break;
                case "PodDisruptionBudget":
                    assertThat(manifest.path("spec").path("selector").path("matchLabels")).isEqualTo(podLabels);
                    break;
                case "ScaledObject":
                    assertThat(manifest.path("spec").path("scaleTargetRef").path("name").asText())
                            .isEqualTo(deployment.path("metadata").path("name").asText());
                    String queues = manifest.path("spec").path("triggers").get(0).path("metadata").path("queueName").asText();
                    assertThat(List.of("beckon.ingest", "beckon.ingest.0", "beckon.ingest.11"))
                            .as("the ingest queue and its shard queues, by their default names")
                            .allMatch(queue -> queue.matches(queues));
                    assertThat("beckon.ingested").doesNotMatch(queues);
                    break;
                default:
                    break;
            }
        }
    }

    private static JsonNode deployment() throws IOException {
        return manifests().stream().filter(m -> m.path("kind").asText().equals("Deployment")).findFirst().orElseThrow();
    }

    private static List<JsonNode> manifests() throws IOException {
        List<JsonNode> manifests = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("k8s"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                ObjectReader reader = YAML.readerFor(JsonNode.class);
                try (var documents = reader.<JsonNode>readValues(file.toFile())) {
                    while (documents.hasNext()) {
                        manifests.add(documents.next());
                    }
                }
            }
        }
        return manifests;
    }
}
