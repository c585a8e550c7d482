package dev.beckon.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.beckon.support.Command;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The manifests in k8s/ match the schemas of the objects they declare: the Kubernetes API's and
 * KEDA's, bundled in the npm packages that scripts/manifest-check pins, so the check runs offline
 * once they are installed. It needs Node.js (and npm to install the packages on first use).
 */
class ManifestSchemaTest {

    static final Path CHECKER = Path.of("scripts", "manifest-check");

    @BeforeAll
    static void installTheSchemas() throws Exception {
        Path installed = CHECKER.resolve("node_modules").resolve(".package-lock.json");
        if (!Files.exists(installed) || Files.getLastModifiedTime(installed)
                .compareTo(Files.getLastModifiedTime(CHECKER.resolve("package-lock.json"))) < 0) {
            Command.Result install = run(List.of("npm", "ci", "--no-audit", "--no-fund"));
            assertThat(install.exit()).as("npm ci in " + CHECKER + ":\n" + install.output()).isZero();
        }
    }

    @Test
    void everyManifestMatchesItsKubernetesOrKedaSchema() throws Exception {
        Command.Result check = check(Path.of("k8s").toAbsolutePath());

        assertThat(check.exit()).as(check.output()).isZero();
        assertThat(check.output()).contains("(Deployment beckon)", "(Service beckon)", "(PodDisruptionBudget beckon)",
                "(ScaledObject beckon)", "(TriggerAuthentication beckon-rabbitmq)", "every manifest matches its schema");
    }

    @Test
    void aManifestThatBreaksItsSchemaIsRefusedWithThePathAndTheRule(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("deployment.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: beckon
                spec:
                  replicas: two
                  selector:
                    matchLabels: {app: beckon}
                  template:
                    spec:
                      containers:
                        - name: beckon
                          image: beckon
                ---
                apiVersion: keda.sh/v1alpha1
                kind: ScaledObject
                metadata:
                  name: beckon
                spec:
                  triggers:
                    - type: rabbitmq
                      metadata: {queueName: beckon.ingest}
                ---
                apiVersion: apps/v1
                kind: Deploymnet
                metadata:
                  name: typo
                """);

        Command.Result check = check(folder);

        assertThat(check.exit()).as(check.output()).isEqualTo(1);
        assertThat(check.output()).contains("(Deployment beckon): /spec/replicas must be integer",
                "(ScaledObject beckon): /spec must have required property scaleTargetRef",
                "no schema known for apiVersion apps/v1, kind Deploymnet", "3 manifest(s) do not match");
    }

    private static Command.Result check(Path folder) throws Exception {
        return run(List.of("node", "check.mjs", folder.toString()));
    }

    private static Command.Result run(List<String> command) throws IOException, InterruptedException {
        try {
            return Command.run(command, Map.of(), CHECKER, 300);
        } catch (IOException e) {
            throw new IOException("The manifest check needs Node.js 18 or later and npm on the PATH (apt-get install nodejs npm)", e);
        }
    }
}
