package dev.beckon.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.beckon.support.Command;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's test command, {@code scripts/test}, in its dry run ({@code BECKON_SETUP_DRY_RUN=1}): what it
 * would set up on a machine where something is missing. Chromium and sudo are hidden with a PATH of links to
 * this machine's programs less those, and small scripts stand in for others (a non-root {@code id}, a
 * {@code chromium}), so nothing is installed, started or hidden for anyone else.
 */
class SetUpScriptTest {

    static final Path SCRIPT = Path.of("scripts", "test").toAbsolutePath();
    static final Set<String> HIDDEN = Set.of("chromium", "chromedriver", "sudo");

    static Path links;

    @TempDir
    Path folder;

    @BeforeAll
    static void linkEveryProgramButTheHiddenOnes() throws IOException {
        links = Files.createTempDirectory("beckon-path-");
        for (String directory : System.getenv("PATH").split(File.pathSeparator)) {
            if (directory.isEmpty() || !Files.isDirectory(Path.of(directory))) {
                continue;
            }
            try (Stream<Path> programs = Files.list(Path.of(directory))) {
                for (Path program : (Iterable<Path>) programs::iterator) {
                    String name = program.getFileName().toString();
                    Path link = links.resolve(name);
                    if (!HIDDEN.contains(name) && !Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                        Files.createSymbolicLink(link, program);
                    }
                }
            }
        }
    }

    @AfterAll
    static void removeTheLinks() throws IOException {
        try (Stream<Path> files = Files.walk(links)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(file);
            }
        }
    }

    @Test
    void installsChromiumAndChromeDriverWhenTheyAreMissing() throws Exception {
        Command.Result run = dryRun(Map.of("id", "echo 0"), "-Dtest=SomeTest");

        assertThat(run.output()).as(run.output())
                .contains("Chromium and ChromeDriver (the console's browser tests): missing")
                .containsPattern("would run: env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver\\b")
                .contains("would run: ./mvnw -B -ntp verify -Dtest=SomeTest");
        assertThat(run.exit()).as(run.output()).isZero();
    }

    @Test
    void namesThePackagesToInstallWhenItMayNotInstallThem() throws Exception {
        Command.Result run = dryRun(Map.of("id", "echo 1000"));

        assertThat(run.output()).as(run.output())
                .containsPattern("installing needs root or password-less sudo: as root, run: apt-get update && "
                        + "apt-get install -y -q chromium chromium-driver\\b")
                .doesNotContain("would run: ./mvnw");
        assertThat(run.exit()).as(run.output()).isEqualTo(1);
    }

    @Test
    void startsAStoppedPostgresqlCluster() throws Exception {
        Command.Result run = dryRun(Map.of("id", "echo 0", "pg_isready", "exit 2",
                "pg_lsclusters", "echo '15 main 5432 down postgres /var/lib/postgresql/15/main /var/log/pg.log'"));

        assertThat(run.output()).as(run.output())
                .contains("PostgreSQL on 127.0.0.1:5432: stopped, starting cluster 15 main",
                        "would run: pg_ctlcluster --skip-systemctl-redirect 15 main start\n");
    }

    @Test
    void createsTheTestDatabaseWhenItIsMissing() throws Exception {
        // psql answers the sign-in check, and finds no database named test.
        Command.Result run = dryRun(Map.of("pg_isready", "exit 0",
                "psql", "case \"$*\" in *pg_database*) ;; *) echo 1 ;; esac"));

        assertThat(run.output()).as(run.output()).contains("would run: createdb -h 127.0.0.1 -U postgres test\n");
    }

    @Test
    void goesStraightToMavenWhenEverythingIsInPlace() throws Exception {
        Command.Result run = dryRun(Map.of("chromium", "exit 0", "chromedriver", "exit 0", "node", "echo 20", "npm", "exit 0"));

        assertThat(run.output()).as(run.output())
                .contains("Chromium and ChromeDriver: found", "Node.js 20 and npm: found")
                .doesNotContain("apt-get")
                .endsWith("would run: ./mvnw -B -ntp verify\n");
    }

    /** Runs the script with {@code standIns} (name to shell script body) first on the PATH, then the links. */
    private Command.Result dryRun(Map<String, String> standIns, String... arguments) throws IOException, InterruptedException {
        for (Map.Entry<String, String> standIn : standIns.entrySet()) {
            Path script = folder.resolve(standIn.getKey());
            Files.writeString(script, "#!/bin/sh\n" + standIn.getValue() + "\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(arguments));
        String path = folder + File.pathSeparator + links;
        return Command.run(command, Map.of("PATH", path, "BECKON_SETUP_DRY_RUN", "1"), 60);
    }
}
