package io.ganeticonfd.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.kustomize.v1beta1.Kustomization;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRuleSpec;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;

/** The alert rules and the Grafana dashboard of deploy/monitoring, against the meters of ConfdMetrics. */
class MonitoringTest {

    /** The scrape job name the rules select (the PodMonitor's job label, a static config's job_name). */
    static final String JOB = "ganeti-confd";

    static final Path DIR = AppFacts.ROOT.resolve("deploy/monitoring");
    static final MetricCatalog METRICS = MetricCatalog.ofConfdMetrics();
    static final PromQlReferences REFERENCES = new PromQlReferences(METRICS);

    static List<Rule> alerts() {
        PrometheusRuleSpec spec = Manifests.load(DIR.resolve("rules.yaml"), PrometheusRuleSpec.class);
        assertThat(Manifests.unknownFields(spec)).isEmpty();
        return spec.getGroups().stream().flatMap(g -> g.getRules().stream()).toList();
    }

    static JsonNode dashboard() {
        try {
            return new ObjectMapper().readTree(DIR.resolve("dashboard.json").toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<JsonNode> panels() {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode p : dashboard().path("panels")) {
            all.add(p);
            p.path("panels").forEach(all::add);
        }
        return all;
    }

    static Stream<String> dashboardQueries() {
        return panels().stream().flatMap(p -> {
            List<String> exprs = new ArrayList<>();
            p.path("targets").forEach(t -> exprs.add(t.path("expr").asText()));
            return exprs.stream();
        });
    }

    static Stream<String> alertExpressions() {
        return alerts().stream().map(r -> r.getExpr().getStrVal());
    }

    @ParameterizedTest
    @MethodSource("alertExpressions")
    void alertRulesUseOnlySeriesLabelsAndValuesTheDaemonExposes(String expr) {
        assertThat(REFERENCES.problems(expr)).as(expr).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("dashboardQueries")
    void dashboardQueriesUseOnlySeriesAndLabelsTheDaemonExposes(String expr) {
        assertThat(expr).isNotBlank();
        assertThat(REFERENCES.problems(expr)).as(expr).isEmpty();
    }

    @Test
    void dashboardShowsEveryMeterOfTheDaemon() {
        Set<String> used = new HashSet<>();
        dashboardQueries().forEach(q -> used.addAll(PromQlReferences.metrics(q)));
        for (String meter : METRICS.meterNames()) {
            assertThat(used).as("a panel shows " + meter).anyMatch(s -> s.startsWith(meter));
        }
        assertThat(used).contains("confd_request_duration_seconds_bucket");
        assertThat(dashboardQueries())
                .anyMatch(q -> q.contains("histogram_quantile(0.50"))
                .anyMatch(q -> q.contains("histogram_quantile(0.99"));
    }

    @Test
    void dashboardPanelsAreWellFormed() {
        JsonNode d = dashboard();
        assertThat(d.path("uid").asText()).isNotBlank();
        Set<String> variables = new HashSet<>();
        d.path("templating")
                .path("list")
                .forEach(v -> variables.add(v.path("name").asText()));
        assertThat(variables).contains("datasource", "job", "instance");
        Set<Integer> ids = new HashSet<>();
        for (JsonNode p : panels()) {
            assertThat(ids.add(p.path("id").asInt()))
                    .as("unique panel id " + p.path("id"))
                    .isTrue();
            assertThat(p.path("gridPos").path("w").asInt()).isPositive();
            if (!p.path("type").asText().equals("row")) {
                assertThat(p.path("title").asText()).isNotBlank();
                assertThat(p.path("datasource").path("uid").asText()).isEqualTo("${datasource}");
                assertThat(p.path("targets")).isNotEmpty();
                p.path("targets")
                        .forEach(t -> assertThat(t.path("refId").asText()).isNotBlank());
            }
        }
        dashboardQueries().forEach(q -> assertThat(q).contains("job=\"$job\"").contains("instance=~\"$instance\""));
    }

    @Test
    void alertRulesFollowTheStyle() {
        Set<String> names = new HashSet<>();
        for (Rule r : alerts()) {
            assertThat(r.getAlert()).matches("Confd[A-Z][A-Za-z0-9]+");
            assertThat(names.add(r.getAlert())).as("unique " + r.getAlert()).isTrue();
            assertThat(r.getFor()).as(r.getAlert()).matches("\\d+[smh]");
            assertThat(r.getLabels()).as(r.getAlert()).containsKey("severity");
            assertThat(r.getLabels().get("severity")).isIn("warning", "critical");
            assertThat(r.getAnnotations()).as(r.getAlert()).containsKeys("summary", "description");
            assertThat(r.getAnnotations().get("summary")).isNotBlank().endsWith(".");
            assertThat(r.getAnnotations().get("description")).isNotBlank();
        }
    }

    @Test
    void alertsCoverServingLaggingReloadsKeysAndAvailability() {
        assertThat(alerts())
                .extracting(Rule::getAlert)
                .contains(
                        "ConfdServesOlderSerial",
                        "ConfdConfigReloadFailing",
                        "ConfdNoSnapshot",
                        "ConfdHmacKeyMismatch",
                        "ConfdSnapshotStale",
                        "ConfdDown",
                        "ConfdAllInstancesDown");
        assertThat(alertExpressions())
                .filteredOn(e -> e.contains("confd_drops_total"))
                .allMatch(e -> e.contains("rate("));
    }

    @Test
    void availabilityAlertsSelectTheConfdJob() {
        assertThat(alertExpressions().filter(e -> e.matches("(?s).*\\bup\\b.*")))
                .isNotEmpty()
                .allMatch(e -> e.contains("up{job=\"" + JOB + "\"}"));
    }

    @Test
    void prometheusRuleCarriesExactlyTheRulesFile() {
        PrometheusRule pr = Manifests.load(DIR.resolve("prometheusrule.yaml"), PrometheusRule.class);
        assertThat(Manifests.unknownFields(pr)).isEmpty();
        assertThat(pr.getMetadata().getLabels()).containsAllEntriesOf(KubernetesManifestsTest.appLabels());
        JsonNode fromOperator =
                Manifests.tree(DIR.resolve("prometheusrule.yaml")).path("spec").path("groups");
        JsonNode plain = Manifests.tree(DIR.resolve("rules.yaml")).path("groups");
        assertThat(fromOperator).isEqualTo(plain);
    }

    @Test
    void kustomizationPublishesTheRuleAndTheDashboard() {
        Kustomization k = Manifests.kustomization(DIR);
        assertThat(Manifests.unknownFields(k)).isEmpty();
        assertThat(Manifests.resources(DIR)).containsExactly(DIR.resolve("prometheusrule.yaml"));
        assertThat(k.getConfigMapGenerator()).hasSize(1);
        var generator = k.getConfigMapGenerator().get(0);
        assertThat(generator.getFiles()).singleElement().asString().endsWith("=dashboard.json");
        assertThat(generator.getOptions().getLabels())
                .containsEntry("grafana_dashboard", "1")
                .containsAllEntriesOf(KubernetesManifestsTest.appLabels());
    }

    @Test
    void promtoolAcceptsTheRulesAndPassesTheirUnitTests() throws Exception {
        assumePromtool();
        promtool(DIR, "check", "rules", "rules.yaml");
        promtool(DIR, "test", "rules", "rules-test.yaml");
    }

    @Test
    void promtoolParsesEveryDashboardQuery(@TempDir Path tmp) throws Exception {
        assumePromtool();
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
        int i = 0;
        for (String q : dashboardQueries().toList()) {
            String concrete = q.replace("$__rate_interval", "5m")
                    .replace("$__range", "1h")
                    .replace("$job", JOB)
                    .replace("$instance", ".+");
            rules.append("      - record: dashboard:query")
                    .append(i++)
                    .append("\n        expr: '")
                    .append(concrete.replace("'", "''"))
                    .append("'\n");
        }
        Files.writeString(tmp.resolve("dashboard-rules.yaml"), rules);
        promtool(tmp, "check", "rules", "dashboard-rules.yaml");
    }

    private static void assumePromtool() {
        assumeTrue(
                Stream.of(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, "promtool"))),
                "promtool is not installed");
    }

    private static void promtool(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("promtool"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + ":\n" + out).isZero();
    }
}
