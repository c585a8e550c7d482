package dev.beckon.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirstRunCredentialsTest {

    static final Instant NOW = Instant.parse("2026-12-07T21:00:00Z");

    final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    void writesGeneratedCredentialsToAnOwnerOnlyFileAndPrintsOnlyItsPath(@TempDir Path data) throws Exception {
        Path file = data.resolve("beckon-data").resolve("first-run-credentials");

        new FirstRunCredentials(file, out).add("console user", "admin").add("console password", "s3cret-pw")
                .add("API key", "bk_0123").handOver(NOW);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readAllLines(file)).contains(
                "console user:     admin", "console password: s3cret-pw", "API key:          bk_0123");
        assertThat(printed()).contains("  " + file.toAbsolutePath() + "\n", "readable by you only")
                .doesNotContain("s3cret-pw", "bk_0123", "{");
        try (var partials = Files.list(file.getParent())) {
            assertThat(partials).containsExactly(file);
        }
    }

    @Test
    void replacesTheFileOfAnEarlierFirstRun(@TempDir Path data) throws Exception {
        Path file = data.resolve("first-run-credentials");
        Files.writeString(file, "API key: bk_old\n");

        new FirstRunCredentials(file, out).add("API key", "bk_new").handOver(NOW);

        assertThat(Files.readString(file)).contains("bk_new").doesNotContain("bk_old");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void printsTheCredentialsAsPlainLinesWhenTheFileCannotBeWritten(@TempDir Path data) throws Exception {
        // A file where the folder should be: as unwritable as a read-only root file system, even for root.
        Path notAFolder = Files.writeString(data.resolve("read-only"), "");

        new FirstRunCredentials(notAFolder.resolve("first-run-credentials"), out)
                .add("console user", "admin").add("console password", "s3cret-pw").handOver(NOW);

        assertThat(printed()).contains("\n  console user: admin\n", "\n  console password: s3cret-pw\n",
                "shown only now");
    }

    @Test
    void saysNothingWhenNothingWasGenerated(@TempDir Path data) {
        Path file = data.resolve("first-run-credentials");

        new FirstRunCredentials(file, out).handOver(NOW);

        assertThat(file).doesNotExist();
        assertThat(printed()).isEmpty();
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }
}
