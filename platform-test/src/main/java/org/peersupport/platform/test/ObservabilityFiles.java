package org.peersupport.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names the operators' files in {@code infra/observability} (Grafana dashboard, Prometheus alert rules)
 * query, and which service must export each: a name {@code peersupport_<service>_…} is that service's, every other
 * one (the platform's, {@code http_server_…}, {@code jvm_…}) every service's. A service test compares them with its
 * own {@code /actuator/prometheus} text, so a renamed or lost metric breaks the build, not the dashboard.
 */
public final class ObservabilityFiles {

    public static final String DASHBOARD = "infra/observability/grafana-dashboard.json";
    public static final String ALERTS = "infra/observability/prometheus-alerts.yaml";
    public static final Set<String> SERVICES = Set.of("intake", "matching", "followup", "notification", "training",
            "console");

    /** A metric name in PromQL; Prometheus' own {@code up} is not exported by anyone and is left out. */
    private static final Pattern METRIC = Pattern.compile("\\b((?:peersupport|http_server|jvm|process)_[a-z0-9_]+)\\b");
    private static final Pattern JSON_EXPR = Pattern.compile("\"expr\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern YAML_EXPR = Pattern.compile("(?m)^\\s*expr:\\s*(.+)$");
    /** A series line of the Prometheus text format: its name, then labels or the value. */
    private static final Pattern SERIES = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]");

    private ObservabilityFiles() {
    }

    /** The repository's root: the first folder up from the working directory that holds {@code infra/observability}. */
    public static Path repoRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("infra/observability"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no infra/observability above " + Path.of("").toAbsolutePath());
    }

    /** Every PromQL expression of the dashboard's panels and of the alert rules. */
    public static List<String> expressions() {
        List<String> found = new ArrayList<>();
        Matcher json = JSON_EXPR.matcher(read(DASHBOARD));
        while (json.find()) {
            found.add(json.group(1).replace("\\\"", "\""));
        }
        Matcher yaml = YAML_EXPR.matcher(read(ALERTS));
        while (yaml.find()) {
            found.add(yaml.group(1));
        }
        return found;
    }

    /** Every metric name the two files query. */
    public static Set<String> metricNames() {
        Set<String> names = new TreeSet<>();
        for (String expression : expressions()) {
            Matcher metric = METRIC.matcher(expression);
            while (metric.find()) {
                names.add(metric.group(1));
            }
        }
        return names;
    }

    /** The names {@code service} must export: its own and everybody's. */
    public static Set<String> expectedOf(String service) {
        Set<String> expected = new TreeSet<>();
        for (String name : metricNames()) {
            String owner = ownerOf(name);
            if (owner == null || owner.equals(service)) {
                expected.add(name);
            }
        }
        return expected;
    }

    /** The service a name belongs to, or null for a name every service exports. */
    public static String ownerOf(String name) {
        for (String service : SERVICES) {
            if (name.startsWith("peersupport_" + service + "_")) {
                return service;
            }
        }
        return null;
    }

    /** The series names in a Prometheus text exposition ({@code PrometheusMeterRegistry.scrape()}). */
    public static Set<String> exported(String scrape) {
        Set<String> names = new TreeSet<>();
        Matcher series = SERIES.matcher(scrape);
        while (series.find()) {
            names.add(series.group(1));
        }
        return names;
    }

    private static String read(String file) {
        try {
            return Files.readString(repoRoot().resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For a test's message: what is missing from {@code exported}. */
    public static Map<String, Set<String>> missing(String service, Set<String> exported) {
        Set<String> missing = new TreeSet<>(expectedOf(service));
        missing.removeAll(exported);
        return Map.of(service, missing);
    }
}
