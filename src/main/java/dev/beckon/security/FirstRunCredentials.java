package dev.beckon.security;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Hands the credentials Beckon generated at first start (the {@code admin} password, an API key) to the
 * person who started it, without ever logging them: they go to a file only its owner may read, and the
 * file's path goes to standard output as a plain line. Where the file cannot be written (a read-only
 * container), the credentials themselves are printed once on standard output, still not through the
 * logger, so no log shipper or JSON record holds them.
 */
final class FirstRunCredentials {

    private static final Logger LOG = Logger.getLogger(FirstRunCredentials.class);

    private final Path file;
    private final PrintStream out;
    private final Map<String, String> lines = new LinkedHashMap<>();

    FirstRunCredentials(Path file, PrintStream out) {
        this.file = file;
        this.out = out;
    }

    /** Adds a line, e.g. {@code ("console password", "...")}. */
    FirstRunCredentials add(String name, String value) {
        lines.put(name, value);
        return this;
    }

    /** Writes the file (owner-only) and prints its path, or prints the lines when it cannot; nothing when empty. */
    void handOver(Instant now) {
        if (lines.isEmpty()) {
            return;
        }
        Path absolute = file.toAbsolutePath().normalize();
        try {
            write(absolute, now);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warnf("Could not write the first-run credentials to %s (%s): they are printed on standard output instead",
                    absolute, e);
            printLines();
            return;
        }
        LOG.infof("First-run credentials written to %s (readable by its owner only)", absolute);
        out.println();
        out.println("Beckon made first-run credentials (" + String.join(", ", lines.keySet()) + "). They are in");
        out.println("  " + absolute);
        out.println("readable by you only, and shown nowhere else. Keep them somewhere safe, then delete the file.");
        out.println();
        out.flush();
    }

    private void write(Path target, Instant now) throws IOException {
        Path folder = target.getParent();
        Files.createDirectories(folder);
        // Created owner-only from the start (never briefly readable by others), then moved into place whole.
        Path partial = Files.createTempFile(folder, ".first-run-credentials", ".partial",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(partial, text(now), StandardCharsets.UTF_8);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private String text(Instant now) {
        StringBuilder text = new StringBuilder("# Beckon's first-run credentials, made " + now
                + ". Shown only here: keep them somewhere safe, then delete this file.\n");
        int width = lines.keySet().stream().mapToInt(String::length).max().orElse(0) + 1;
        lines.forEach((name, value) -> text.append(String.format("%-" + width + "s %s%n", name + ":", value)));
        return text.toString();
    }

    private void printLines() {
        String rule = "=".repeat(72);
        out.println();
        out.println(rule);
        out.println("Beckon made these first-run credentials; they are shown only now:");
        lines.forEach((name, value) -> out.println("  " + name + ": " + value));
        out.println(rule);
        out.println();
        out.flush();
    }
}
