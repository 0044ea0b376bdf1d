package io.ganeticonfd.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.ganeticonfd.cli.DaemonFlags;
import io.ganeticonfd.config.ConfigSettings;
import io.ganeticonfd.config.HmacSettings;
import io.ganeticonfd.server.UdpSettings;

/** deploy/systemd: the unit replacing Ganeti's ganeti-confd.service, and its environment file. */
class SystemdUnitTest {

    static final Path UNIT = AppFacts.ROOT.resolve("deploy/systemd/ganeti-confd.service");
    static final Path DEFAULTS = AppFacts.ROOT.resolve("deploy/systemd/ganeti-confd.default");
    static final Path LAUNCHER = AppFacts.ROOT.resolve("bin/ganeti-confd");

    /** One {@code Key=Value} line of a section. */
    record Directive(String section, String key, String value) {}

    static List<Directive> unit() throws IOException {
        List<Directive> out = new ArrayList<>();
        String section = "";
        for (String raw : Files.readAllLines(UNIT)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                section = line.substring(1, line.indexOf(']'));
                continue;
            }
            int eq = line.indexOf('=');
            out.add(new Directive(
                    section,
                    line.substring(0, eq).strip(),
                    line.substring(eq + 1).strip()));
        }
        return out;
    }

    static List<String> values(String section, String key) throws IOException {
        return unit().stream()
                .filter(d -> d.section().equals(section) && d.key().equals(key))
                .map(Directive::value)
                .toList();
    }

    static String value(String section, String key) throws IOException {
        List<String> v = values(section, key);
        assertThat(v).as("[%s] %s=", section, key).hasSize(1);
        return v.get(0);
    }

    /** The launcher's default for {@code ${NAME:-default}}. */
    static String launcherDefault(String name) throws IOException {
        Matcher m = Pattern.compile("\\$\\{" + name + ":-([^}]+)}").matcher(Files.readString(LAUNCHER));
        assertThat(m.find()).as("launcher default of " + name).isTrue();
        return m.group(1);
    }

    @Test
    void replacesGanetisUnitWithItsUserDependenciesAndCondition() throws IOException {
        assertThat(UNIT.getFileName().toString()).isEqualTo("ganeti-confd.service");
        assertThat(value("Unit", "Documentation")).contains("man:ganeti-confd(8)");
        assertThat(value("Unit", "Requires")).contains("ganeti-common.service");
        assertThat(value("Unit", "After")).contains("ganeti-common.service");
        assertThat(value("Unit", "ConditionPathExists")).isEqualTo(AppFacts.configFile());
        assertThat(value("Service", "Type")).isEqualTo("simple");
        assertThat(value("Service", "User")).isEqualTo("gnt-confd");
        assertThat(value("Service", "Group")).isEqualTo("gnt-confd");
        assertThat(values("Service", "EnvironmentFile")).contains("-/etc/default/ganeti", "-/etc/default/ganeti-confd");
        assertThat(value("Service", "Restart")).isEqualTo("on-failure");
        assertThat(value("Service", "SuccessExitStatus").split("\\s+"))
                .as("SIGTERM ends the JVM with 143")
                .contains("143");
        assertThat(value("Install", "WantedBy")).contains("ganeti-node.target");
    }

    @Test
    void execStartRunsTheLauncherInTheForegroundWithValidFlags() throws Exception {
        List<String> words = Arrays.asList(value("Service", "ExecStart").split("\\s+"));
        String binary = words.get(0);
        assertThat(binary).endsWith("/bin/ganeti-confd");
        String prefix = binary.substring(0, binary.length() - "/bin/ganeti-confd".length());
        assertThat(Files.readString(LAUNCHER))
                .as("the launcher finds the installed jar under " + prefix)
                .contains("$here/../lib/quarkus-app/quarkus-run.jar");
        List<String> args = words.subList(1, words.size()).stream()
                .filter(w -> !w.startsWith("$"))
                .toList();
        DaemonFlags flags = DaemonFlags.parse(args.toArray(String[]::new));
        assertThat(flags.foreground()).as("-f: systemd supervises the process").isTrue();
        assertThat(flags.help() || flags.version() || flags.demo()).isFalse();
        assertThat(words.subList(1, words.size()).stream().filter(w -> w.startsWith("$")))
                .as("Ganeti's variables, as in its own unit")
                .containsExactly("$CONFD_ARGS", "$ONETIME_ARGS");
    }

    @Test
    void isHardened() throws IOException {
        assertThat(value("Service", "ProtectSystem")).isEqualTo("strict");
        String configDir = Path.of(AppFacts.configFile()).getParent().toString();
        assertThat(Path.of(AppFacts.keyFile()).getParent().toString()).isEqualTo(configDir);
        assertThat(value("Service", "ReadOnlyPaths").split("\\s+")).contains(configDir);
        String pidDir = Path.of(launcherDefault("CONFD_PID_FILE"))
                .getParent()
                .toString()
                .replaceFirst("^/var/run/", "/run/");
        assertThat(value("Service", "ReadWritePaths").replaceFirst("^-", "").split("\\s+"))
                .as("the launcher locks its PID file")
                .contains(pidDir);
        assertThat(value("Service", "NoNewPrivileges")).isEqualTo("yes");
        assertThat(value("Service", "PrivateTmp")).isEqualTo("yes");
        assertThat(value("Service", "ProtectHome")).isIn("yes", "read-only", "tmpfs");
        assertThat(value("Service", "RestrictAddressFamilies").split("\\s+"))
                .containsExactlyInAnyOrder("AF_INET", "AF_INET6", "AF_UNIX");
        assertThat(value("Service", "CapabilityBoundingSet")).isEmpty();
        for (String on : List.of(
                "PrivateDevices",
                "ProtectKernelTunables",
                "ProtectKernelModules",
                "ProtectControlGroups",
                "RestrictNamespaces",
                "RestrictSUIDSGID",
                "LockPersonality")) {
            assertThat(value("Service", on)).as(on).isEqualTo("yes");
        }
        assertThat(values("Service", "MemoryDenyWriteExecute"))
                .as("the JIT writes code")
                .isEmpty();
    }

    @Test
    void environmentFileNamesOnlyRealSettingsWithTheirDefaults() throws IOException {
        Map<String, String> daemon = Map.of(
                AppFacts.env(ConfigSettings.class, "file"),
                AppFacts.configFile(),
                AppFacts.env(HmacSettings.class, "keyFile"),
                AppFacts.keyFile(),
                AppFacts.env(UdpSettings.class, "port"),
                String.valueOf(AppFacts.udpPort()),
                "QUARKUS_HTTP_PORT",
                String.valueOf(AppFacts.httpPort()));
        List<String> launcherVariables = List.of(
                "JAVA_HOME",
                "JAVA_OPTS",
                "MALLOC_ARENA_MAX",
                "CONFD_JAR",
                "CONFD_PID_FILE",
                "CONFD_LOG_FILE",
                "CONFD_START_TIMEOUT");
        String launcher = Files.readString(LAUNCHER);
        Pattern assignment = Pattern.compile("^#?([A-Z_]+)=(.*)$");
        int seen = 0;
        for (String line : Files.readAllLines(DEFAULTS)) {
            Matcher m = assignment.matcher(line);
            if (!m.matches()) {
                continue;
            }
            seen++;
            String name = m.group(1);
            if (daemon.containsKey(name)) {
                assertThat(m.group(2)).as(name).isEqualTo(daemon.get(name));
            } else {
                assertThat(launcherVariables)
                        .as(name + " is a launcher or daemon variable")
                        .contains(name);
                assertThat(launcher).as("the launcher reads " + name).contains(name);
                if (name.equals("MALLOC_ARENA_MAX")) {
                    assertThat(launcher).contains("${MALLOC_ARENA_MAX:-" + m.group(2) + "}");
                }
                if (name.equals("CONFD_PID_FILE") || name.equals("CONFD_LOG_FILE")) {
                    assertThat(m.group(2)).as(name).isEqualTo(launcherDefault(name));
                }
            }
        }
        assertThat(seen).isGreaterThanOrEqualTo(daemon.size());
    }

    @Test
    void systemdParsesEveryDirective() throws Exception {
        assumeTrue(
                Stream.of(System.getenv("PATH").split(":"))
                        .anyMatch(d -> Files.isExecutable(Path.of(d, "systemd-analyze"))),
                "systemd-analyze is not installed");
        Process p = new ProcessBuilder("systemd-analyze", "verify", "--man=no", UNIT.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        // Missing ganeti-common.service and launcher are expected off a Ganeti node; parse errors are not.
        assertThat(out.lines().filter(l -> l.startsWith(UNIT.toString() + ":")))
                .as(out)
                .isEmpty();
    }
}
