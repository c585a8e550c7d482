package dev.beckon.security.secrets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Makes the {@link SecretBox} from configuration: BECKON_SECRETS_KEY and BECKON_SECRETS_PREVIOUS_KEYS,
 * or, with no key given, the key kept in {@code $BECKON_DATA_DIR/secrets.key}, made there (readable by
 * its owner only) on first start. Keys never reach the log; their ids do.
 */
@ApplicationScoped
class SecretKeys {

    private static final Logger LOG = Logger.getLogger(SecretKeys.class);

    @Produces
    @Singleton
    SecretBox box(SecretsConfig config) {
        byte[] current = config.key().map(key -> decode(key, "beckon.secrets.key"))
                .orElseGet(() -> keyInFile(Path.of(config.keyFile())));
        List<byte[]> previous = config.previousKeys().orElse(List.of()).stream()
                .map(key -> decode(key, "beckon.secrets.previous-keys")).toList();
        SecretBox box = new SecretBox(current, previous);
        LOG.infof("Webhook secrets are encrypted under key %s%s", box.currentKeyId(),
                previous.isEmpty() ? "" : " (" + previous.size() + " previous key(s) read too)");
        return box;
    }

    static byte[] decode(String key, String setting) {
        try {
            byte[] bytes = Base64.getDecoder().decode(key.strip());
            if (bytes.length == SecretBox.KEY_BYTES) {
                return bytes;
            }
        } catch (IllegalArgumentException e) {
            // said below, without the value
        }
        throw new IllegalArgumentException(setting + " must be base64 of 32 random bytes (openssl rand -base64 32)");
    }

    /** The key in {@code file}, made there first if there is none. */
    static byte[] keyInFile(Path file) {
        try {
            if (!Files.exists(file)) {
                make(file);
            }
            return decode(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or make the secrets key in " + file
                    + ": set BECKON_SECRETS_KEY, or make its folder writable", e);
        }
    }

    private static void make(Path file) throws IOException {
        byte[] key = new byte[SecretBox.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path draft = Files.createTempFile(folder, "secrets", ".key");
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(draft, PosixFilePermissions.fromString("rw-------"));
        }
        Files.writeString(draft, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
        try {
            Files.move(draft, file);
            LOG.warnf("BECKON_SECRETS_KEY is not set: webhook secrets are encrypted under a key made now and kept in %s. "
                    + "Back it up with the database (without it the secrets cannot be read), and give every replica "
                    + "the same key in BECKON_SECRETS_KEY.", file.toAbsolutePath());
        } catch (FileAlreadyExistsException e) {
            Files.delete(draft); // another process made it first: use theirs
        }
    }
}
