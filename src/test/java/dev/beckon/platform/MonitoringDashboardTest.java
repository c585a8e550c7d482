package dev.beckon.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard in docker/ reads only metrics Beckon really exposes: a renamed meter, or a
 * timer that lost its histogram, would otherwise leave a panel silently empty.
 */
class MonitoringDashboardTest {

    private static final Path DASHBOARD = Path.of("docker/grafana/dashboards/beckon.json");
    /** A meter registered with its name written out, or in a constant of the same class. */
    private static final Pattern METER = Pattern.compile(
            "(counter|Timer\\.builder|Gauge\\.builder)\\(\\s*(?:\"(beckon\\.[a-z.]+)\"|([A-Z_]+))([^;]*);", Pattern.DOTALL);
    private static final Pattern CONSTANT = Pattern.compile("static final String ([A-Z_]+) = \"(beckon\\.[a-z.]+)\";");
    private static final Pattern USED = Pattern.compile("\\bbeckon_[a-z_]+");

    @Test
    void everyBeckonSeriesTheDashboardQueriesIsOneBeckonRegisters() throws IOException {
        Set<String> exposed = exposedSeries();
        List<String> unknown = new ArrayList<>();
        for (String expr : expressions()) {
            Matcher used = USED.matcher(expr);
            while (used.find()) {
                if (!exposed.contains(used.group())) {
                    unknown.add(used.group() + " in " + expr);
                }
            }
        }
        assertThat(exposed).as("meters found in the code").contains("beckon_events_received_total");
        assertThat(unknown).as("series the dashboard queries that Beckon does not expose").isEmpty();
    }

    @Test
    void everyPanelQueriesTheProvisionedPrometheus() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        assertThat(dashboard.path("uid").asText()).isEqualTo("beckon-overview");
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
            assertThat(panel.path("datasource").path("uid").asText()).isEqualTo("prometheus");
        }
        assertThat(Files.readString(Path.of("docker/grafana/provisioning/datasources/prometheus.yaml")))
                .contains("uid: prometheus");
    }

    private static List<String> expressions() throws IOException {
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : new ObjectMapper().readTree(DASHBOARD.toFile()).path("panels")) {
            panel.path("targets").forEach(target -> expressions.add(target.path("expr").asText()));
        }
        return expressions;
    }

    /** The Prometheus series of every meter the code registers, named as Micrometer exports them. */
    private static Set<String> exposedSeries() throws IOException {
        Set<String> series = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                java.util.Map<String, String> constants = new java.util.HashMap<>();
                Matcher constant = CONSTANT.matcher(source);
                while (constant.find()) {
                    constants.put(constant.group(1), constant.group(2));
                }
                Matcher meter = METER.matcher(source);
                while (meter.find()) {
                    String written = meter.group(2) != null ? meter.group(2) : constants.get(meter.group(3));
                    if (written == null) {
                        continue;
                    }
                    String name = written.replace('.', '_');
                    switch (meter.group(1)) {
                        case "counter":
                            series.add(name + "_total");
                            break;
                        case "Timer.builder":
                            series.addAll(List.of(name + "_seconds_count", name + "_seconds_sum", name + "_seconds_max"));
                            if (meter.group(4).contains("publishPercentileHistogram")) {
                                series.add(name + "_seconds_bucket");
                            }
                            break;
                        default:
                            series.add(name);
                    }
                }
            }
        }
        return series;
    }
}
