package dev.beckon.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command line tool (rabbitmqctl, rabbitmq-server, node, npm) with a time limit and says what it answered. */
public final class Command {

    private Command() {
    }

    public record Result(int exit, String output) {
        public boolean ok() {
            return exit == 0;
        }
    }

    public static Result run(List<String> command, Map<String, String> environment, int timeoutSeconds)
            throws IOException, InterruptedException {
        return run(command, environment, null, timeoutSeconds);
    }

    /** As above, in {@code directory} (null: this process's). */
    public static Result run(List<String> command, Map<String, String> environment, Path directory, int timeoutSeconds)
            throws IOException, InterruptedException {
        // Output goes to a file, not a pipe: a tool that writes much cannot block on a full pipe.
        Path output = Files.createTempFile("beckon-command", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            if (directory != null) {
                builder.directory(directory.toFile());
            }
            builder.environment().putAll(environment);
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
