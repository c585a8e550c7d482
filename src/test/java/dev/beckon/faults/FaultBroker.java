package dev.beckon.faults;

import dev.beckon.support.Command;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A RabbitMQ node of the suite's own, beside the machine's shared one, so the suite can stop it,
 * start it and cut its connections without touching anyone else's broker. It runs as root with
 * the shared node's Erlang cookie (HOME=/var/lib/rabbitmq), its data and logs under target/, no
 * plugins (so no management or Prometheus port clashes), and AMQP and distribution ports below the
 * ephemeral range (see {@link Ports}).
 */
final class FaultBroker implements AutoCloseable {

    private static final String SBIN = "/usr/lib/rabbitmq/bin/";

    private final String node;
    private final int amqpPort;
    private final Path home;
    private final Map<String, String> environment = new HashMap<>();
    private final int patienceSeconds;
    private Process server;

    /** {@code patience}: how long stop_app, start_app and await_startup may take before the fault counts as not injected. */
    FaultBroker(String name, Path home, Duration patience) throws IOException {
        this.node = name + "@localhost";
        this.patienceSeconds = (int) patience.toSeconds();
        this.amqpPort = Ports.belowEphemeralRange();
        this.home = home.toAbsolutePath();
        Files.createDirectories(this.home);
        Files.writeString(this.home.resolve("enabled_plugins"), "[].\n");
        Files.writeString(this.home.resolve("rabbitmq.conf"), "listeners.tcp.1 = 127.0.0.1:" + amqpPort
                + "\nloopback_users = none\n");
        environment.put("HOME", "/var/lib/rabbitmq");
        environment.put("RABBITMQ_NODENAME", node);
        environment.put("RABBITMQ_DIST_PORT", Integer.toString(amqpPort + 1));
        environment.put("RABBITMQ_CONFIG_FILE", this.home.resolve("rabbitmq.conf").toString());
        environment.put("RABBITMQ_ENABLED_PLUGINS_FILE", this.home.resolve("enabled_plugins").toString());
        environment.put("RABBITMQ_MNESIA_BASE", this.home.resolve("mnesia").toString());
        environment.put("RABBITMQ_LOG_BASE", this.home.resolve("log").toString());
        environment.put("RABBITMQ_PID_FILE", this.home.resolve("pid").toString());
    }

    String amqpUri() {
        return "amqp://guest:guest@127.0.0.1:" + amqpPort + "/%2f";
    }

    /**
     * Starts the node with empty data, in the foreground of a child process (not -detached, so it can
     * always be stopped), and waits for it. A node an earlier run left running is stopped first.
     */
    FaultBroker start() throws IOException, InterruptedException {
        ctl(30, "stop");
        Folders.delete(home.resolve("mnesia"));
        List<String> command = List.of(SBIN + "rabbitmq-server");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(home.resolve("server.out").toFile());
        builder.environment().putAll(environment);
        server = builder.start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new IllegalStateException("RabbitMQ node " + node + " exited; see " + home.resolve("server.out"));
            }
            if (ctl(30, "await_startup", "--timeout", "20").ok()) {
                return this;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("RabbitMQ node " + node + " did not start within 90 s; see " + home);
    }

    /** Stops the RabbitMQ application; the Erlang node stays up, as with {@code rabbitmqctl stop_app}. */
    void stopApp() throws IOException, InterruptedException {
        require(ctl(patienceSeconds, "stop_app"), "stop_app");
    }

    void startApp() throws IOException, InterruptedException {
        require(ctl(patienceSeconds, "start_app"), "start_app");
        require(ctl(patienceSeconds, "await_startup"), "await_startup");
    }

    /** Closes every client connection, as a network cut or a broker-side kill would. */
    void closeAllConnections() throws IOException, InterruptedException {
        require(ctl(30, "close_all_connections", "fault suite cuts connections"), "close_all_connections");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (server == null) {
            return;
        }
        ctl(60, "stop");
        if (!server.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            server.destroyForcibly();
            server.waitFor();
        }
        server = null;
    }

    private Command.Result ctl(int timeoutSeconds, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(SBIN + "rabbitmqctl", "-n", node));
        command.addAll(List.of(arguments));
        return Command.run(command, environment, timeoutSeconds);
    }

    private void require(Command.Result result, String what) {
        if (!result.ok()) {
            throw new IllegalStateException("rabbitmqctl " + what + " on " + node + " failed: " + result.output());
        }
    }
}
