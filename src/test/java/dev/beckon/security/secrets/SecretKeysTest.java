package dev.beckon.security.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretKeysTest {

    @TempDir
    Path dataDir;

    @Test
    void withNoKeyConfiguredAKeyIsMadeOnFirstStartReadableByItsOwnerOnlyAndKeptForTheNext() throws Exception {
        Path file = dataDir.resolve("beckon-data/secrets.key");

        byte[] first = SecretKeys.keyInFile(file);
        byte[] second = SecretKeys.keyInFile(file);

        assertThat(first).hasSize(32).isEqualTo(second);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var folder = Files.list(file.getParent())) {
            assertThat(folder).containsExactly(file);
        }
    }
}
