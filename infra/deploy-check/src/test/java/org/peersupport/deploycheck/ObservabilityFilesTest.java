package org.peersupport.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The operators' files in {@code infra/observability}: the Grafana dashboard and the Prometheus alert rules parse,
 * alert on what the issue asks (SLA breaches, dead letters, outbox lag, a service down, consumer lag), and name only
 * metrics some service test checks against its own {@code /actuator/prometheus} ({@code ObservabilityFiles} in
 * platform-test: matching's {@code ObservabilityTest} and followup's {@code FollowupClocksTest}).
 */
class ObservabilityFilesTest {

    /** The services whose tests compare these files with their scrape; a name of another service has no check. */
    private static final Set<String> CHECKED_SERVICES = Set.of("matching", "followup");
    private static final Set<String> ALL_SERVICES = Set.of("intake", "matching", "followup", "notification",
            "training", "console");
    private static final Pattern METRIC = Pattern.compile("\\b((?:peersupport|http_server|jvm|process)_[a-z0-9_]+)\\b");

    private Path root;

    @BeforeEach
    void locateRepository() {
        root = Path.of(System.getProperty("peersupport.repo-root", "../..")).toAbsolutePath().normalize();
    }

    private Object parse(String file) throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        // JSON is YAML too: one parser reads both files, and refuses a key given twice in either.
        return new Yaml(new SafeConstructor(options)).load(Files.readString(root.resolve(file)));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> rules() throws IOException {
        Map<String, Object> alerts = (Map<String, Object>) parse("infra/observability/prometheus-alerts.yaml");
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) alerts.get("groups")) {
            assertThat(group.get("name")).as("a rule group's name").isInstanceOf(String.class);
            rules.addAll((List<Map<String, Object>>) group.get("rules"));
        }
        return rules;
    }

    @SuppressWarnings("unchecked")
    private List<String> panelExpressions() throws IOException {
        Map<String, Object> dashboard = (Map<String, Object>) parse("infra/observability/grafana-dashboard.json");
        assertThat(dashboard.get("title")).isInstanceOf(String.class);
        List<String> expressions = new ArrayList<>();
        for (Map<String, Object> panel : (List<Map<String, Object>>) dashboard.get("panels")) {
            List<Map<String, Object>> targets = (List<Map<String, Object>>) panel.get("targets");
            assertThat(targets).as("panel %s queries something", panel.get("title")).isNotEmpty();
            targets.forEach(target -> expressions.add((String) target.get("expr")));
        }
        return expressions;
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyAlertHasOneLineOfPromQlASeverityAndASummary() throws IOException {
        Set<String> names = new HashSet<>();
        for (Map<String, Object> rule : rules()) {
            String name = (String) rule.get("alert");
            assertThat(names.add(name)).as("alert %s named once", name).isTrue();
            assertThat(rule.get("expr")).as("%s's expression, on one line (ObservabilityFiles reads it so)", name)
                    .isInstanceOfSatisfying(String.class, expr -> assertThat(expr).isNotBlank().doesNotContain("\n"));
            assertThat(((Map<String, Object>) rule.get("labels")).get("severity")).as("%s's severity", name)
                    .isIn("warning", "critical");
            assertThat(((Map<String, Object>) rule.get("annotations")).get("summary")).as("%s's summary", name)
                    .isInstanceOf(String.class);
        }
    }

    @Test
    void theAlertsCoverBreachesDeadLettersOutboxLagServicesDownAndConsumerLag() throws IOException {
        List<String> expressions = rules().stream().map(rule -> (String) rule.get("expr")).toList();

        assertThat(expressions).anySatisfy(e -> assertThat(e).contains("peersupport_followup_sla_breaches_total"))
                .anySatisfy(e -> assertThat(e).contains("peersupport_dlq_depth").contains("> 0"))
                .anySatisfy(e -> assertThat(e).contains("peersupport_outbox_oldest_age_seconds"))
                .anySatisfy(e -> assertThat(e).startsWith("up{").contains("== 0"))
                .anySatisfy(e -> assertThat(e).contains("peersupport_consumer_lag"));
    }

    @Test
    void theDashboardShowsTheBusinessFiguresAndThePlumbing() throws IOException {
        assertThat(String.join("\n", panelExpressions()))
                .contains("peersupport_matching_time_to_assignment_seconds_bucket")
                .contains("peersupport_followup_time_to_first_contact_seconds_bucket")
                .contains("peersupport_followup_sla_breaches_total")
                .contains("peersupport_dlq_depth")
                .contains("peersupport_outbox_oldest_age_seconds")
                .contains("peersupport_outbox_parked")
                .contains("peersupport_consumer_lag");
    }

    @Test
    void everyMetricNamedIsOneAServiceTestChecksAgainstItsScrape() throws IOException {
        List<String> expressions = new ArrayList<>(panelExpressions());
        rules().forEach(rule -> expressions.add((String) rule.get("expr")));
        Set<String> names = new TreeSet<>();
        for (String expression : expressions) {
            Matcher metric = METRIC.matcher(expression);
            while (metric.find()) {
                names.add(metric.group(1));
            }
        }

        assertThat(names).isNotEmpty();
        for (String name : names) {
            String owner = ALL_SERVICES.stream().filter(s -> name.startsWith("peersupport_" + s + "_")).findFirst()
                    .orElse(null);
            assertThat(owner == null || CHECKED_SERVICES.contains(owner))
                    .as("%s belongs to %s, whose tests do not compare these files with its scrape yet", name, owner)
                    .isTrue();
        }
    }
}
