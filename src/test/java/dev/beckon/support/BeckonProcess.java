package dev.beckon.support;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The packaged Beckon (target/quarkus-app) running as a process of its own, as an operator runs
 * it: tests can kill it with SIGKILL mid-work and start it again on the same database.
 */
public final class BeckonProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    private final Map<String, String> environment;
    private final int port;
    private final Path log;
    private Process process;
    private int starts;
    private Duration patience = Duration.ofSeconds(90);

    public BeckonProcess(Map<String, String> environment, String name) throws IOException {
        this.environment = new HashMap<>(environment);
        this.port = freePort();
        this.environment.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        this.log = Path.of("target", "it-logs", name);
        Files.createDirectories(log);
    }

    /** How long {@link #start()} waits for the health check (90 s unless told). */
    public BeckonProcess patience(Duration wait) {
        this.patience = wait;
        return this;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts Beckon and waits until it answers its health check. */
    public BeckonProcess start() throws IOException, InterruptedException {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: integration tests run after `package` (./mvnw verify)");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", JAR.toString());
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true);
        builder.redirectOutput(log.resolve("run-" + (++starts) + ".log").toFile());
        process = builder.start();
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Beckon exited with " + process.exitValue() + "; see " + log);
            }
            if (healthy()) {
                return this;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Beckon did not become healthy within " + patience.toSeconds() + " s; see " + log);
    }

    /** What the process has written so far in its latest start. */
    public String output() throws IOException {
        return Files.readString(log.resolve("run-" + starts + ".log"));
    }

    /** CPU time the running process has used so far, user and system, over all its threads. */
    public Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration().orElseThrow(() ->
                new IllegalStateException("this platform does not report a process's CPU time"));
    }

    /** Kills the process the way a crash or an OOM killer does: no shutdown hooks, nothing flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private boolean healthy() {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(baseUrl() + "/q/health/ready").toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2000);
            return connection.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
