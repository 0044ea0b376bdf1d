package io.ganeticonfd.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.ganeticonfd.daemon.ConfdMain;

/** Ganeti's {@code ganeti-confd} command line plus ours, parsed purely and mapped onto settings. */
class DaemonFlagsTest {

    static DaemonFlags parse(String... args) throws UsageException {
        return DaemonFlags.parse(args);
    }

    static String error(String... args) {
        try {
            DaemonFlags.parse(args);
        } catch (UsageException e) {
            assertThat(e.getMessage()).doesNotContain("\n");
            return e.getMessage();
        }
        throw new AssertionError("accepted: " + String.join(" ", args));
    }

    @Test
    void defaultsToNothingSetAndNoProperties() throws UsageException {
        DaemonFlags flags = parse();

        assertThat(flags)
                .isEqualTo(new DaemonFlags(
                        false, false, false, false, null, null, false, null, null, null, null, false, false));
        assertThat(flags.toProperties()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "-h, help",
        "--help, help",
        "-V, version",
        "--version, version",
        "-f, foreground",
        "--foreground, foreground",
        "-d, debug",
        "--debug, debug",
        "--no-user-checks, noUserChecks",
        "--demo, demo",
        "--redact-private, redactPrivate"
    })
    void setsEachSwitch(String arg, String component) throws Exception {
        DaemonFlags flags = parse(arg);

        for (var c : DaemonFlags.class.getRecordComponents()) {
            Object value = c.getAccessor().invoke(flags);
            if (c.getName().equals(component)) {
                assertThat(value).as(c.getName()).isEqualTo(true);
            } else if (c.getType() == boolean.class) {
                assertThat(value).as(c.getName()).isEqualTo(false);
            } else {
                assertThat(value).as(c.getName()).isNull();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"-p 1815", "--port 1815", "--port=1815", "-p1815"})
    void readsThePortInEveryForm(String args) throws UsageException {
        assertThat(parse(args.split(" ")).port()).isEqualTo(1815);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-b 192.0.2.7", "--bind 192.0.2.7", "--bind=192.0.2.7", "-b192.0.2.7"})
    void readsTheBindAddressInEveryForm(String args) throws UsageException {
        assertThat(parse(args.split(" ")).bind()).isEqualTo("192.0.2.7");
    }

    @Test
    void readsAnIpv6BindAddress() throws UsageException {
        assertThat(parse("-b", "::1").bind()).isEqualTo("::1");
        assertThat(parse("--bind=::").bind()).isEqualTo("::");
    }

    @ParameterizedTest
    @ValueSource(strings = {"no", "yes", "only"})
    void acceptsEachSyslogChoice(String value) throws UsageException {
        assertThat(parse("--syslog", value).syslog()).isEqualTo(value);
        assertThat(parse("--syslog=" + value).syslog()).isEqualTo(value);
    }

    @Test
    void readsOurOwnValuedOptions() throws UsageException {
        DaemonFlags flags = parse(
                "--config-file",
                "/srv/ganeti/config.data",
                "--hmac-key-file=/srv/ganeti/hmac.key",
                "--http-port",
                "8815");

        assertThat(flags.configFile()).isEqualTo("/srv/ganeti/config.data");
        assertThat(flags.hmacKeyFile()).isEqualTo("/srv/ganeti/hmac.key");
        assertThat(flags.httpPort()).isEqualTo(8815);
    }

    @Test
    void readsAValueThatLooksLikeAFlag() throws UsageException {
        assertThat(parse("--config-file", "-d").configFile()).isEqualTo("-d");
        assertThat(parse("--config-file=a=b").configFile()).isEqualTo("a=b");
    }

    @Test
    void combinesFlagsAndLetsTheLastValueWin() throws UsageException {
        DaemonFlags flags = parse("-f", "-d", "-p", "1814", "--port=1816", "--no-user-checks", "-b", "127.0.0.1");

        assertThat(flags.foreground()).isTrue();
        assertThat(flags.debug()).isTrue();
        assertThat(flags.noUserChecks()).isTrue();
        assertThat(flags.port()).isEqualTo(1816);
        assertThat(flags.bind()).isEqualTo("127.0.0.1");
    }

    @ParameterizedTest
    @CsvSource({
        "-p, 0",
        "-p, 65536",
        "-p, -1",
        "-p, abc",
        "-p, 18x",
        "-p, ''",
        "-p, 1e3",
        "--port, 99999999999",
        "--http-port, 65536",
        "--http-port, -5",
        "--http-port, http"
    })
    void refusesABadPort(String flag, String value) {
        String name = flag.equals("-p") ? "--port" : flag;
        assertThat(error(flag, value))
                .isEqualTo("Invalid value for option '" + name + "': invalid port: '" + value + "'");
    }

    @Test
    void acceptsTheExtremePorts() throws UsageException {
        assertThat(parse("-p", "1").port()).isEqualTo(1);
        assertThat(parse("-p", "65535").port()).isEqualTo(65535);
        assertThat(parse("--http-port", "0").httpPort())
                .as("0 picks a free port")
                .isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"maybe", "YES", "No", "", "true", "1"})
    void refusesABadSyslogValue(String value) {
        assertThat(error("--syslog", value))
                .isEqualTo("Invalid value for option '--syslog': '" + value + "' (choose from 'no', 'yes', 'only')");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--bogus", "-x", "-P", "--Port", "--foreground-please", "---debug"})
    void refusesAnUnknownFlag(String flag) {
        assertThat(error(flag)).isEqualTo("Unknown option: '" + flag + "'");
    }

    @Test
    void refusesAPositionalArgument() {
        assertThat(error("-f", "extra")).isEqualTo("Unmatched argument at index 1: 'extra'");
        assertThat(error("-")).isEqualTo("Unmatched argument at index 0: '-'");
    }

    @ParameterizedTest
    @CsvSource({
        "-p, --port, PORT",
        "--port, --port, PORT",
        "-b, --bind, ADDRESS",
        "--bind, --bind, ADDRESS",
        "--syslog, --syslog, no|yes|only",
        "--config-file, --config-file, FILE",
        "--hmac-key-file, --hmac-key-file, FILE",
        "--http-port, --http-port, PORT"
    })
    void refusesAMissingValue(String flag, String name, String label) {
        assertThat(error("-f", flag)).isEqualTo("Missing required parameter for option '" + name + "' (" + label + ")");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help=yes", "--debug=1", "--redact-private=no"})
    void refusesAValueForASwitchOtherThanTrueOrFalse(String arg) {
        assertThat(error(arg))
                .isEqualTo("Invalid value for option '" + arg.substring(0, arg.indexOf('=')) + "': '"
                        + arg.substring(arg.indexOf('=') + 1) + "' is not a boolean");
    }

    @ParameterizedTest
    @CsvSource({"--bind, ''", "--bind, ' '", "--config-file, ''", "--hmac-key-file, '  '"})
    void refusesAnEmptyPathOrAddress(String flag, String value) {
        assertThat(error(flag, value))
                .isEqualTo("Invalid value for option '" + flag + "': a non-empty value is required");
    }

    @Test
    void mapsEveryValuedOptionOntoItsSetting() throws UsageException {
        Map<String, String> p = parse(
                        "-p",
                        "1815",
                        "-b",
                        "192.0.2.7",
                        "--config-file",
                        "/c.data",
                        "--hmac-key-file",
                        "/k.key",
                        "--http-port",
                        "8815")
                .toProperties();

        assertThat(p)
                .containsExactly(
                        entry("confd.udp.port", "1815"),
                        entry("confd.udp.bind", "192.0.2.7"),
                        entry("confd.config.file", "/c.data"),
                        entry("confd.hmac.key-file", "/k.key"),
                        entry("quarkus.http.port", "8815"));
    }

    @Test
    void mapsDebugOntoTheLogLevel() throws UsageException {
        assertThat(parse("--debug").toProperties())
                .containsExactly(entry("quarkus.log.category.\"io.ganeticonfd\".level", "DEBUG"));
    }

    @Test
    void mapsSyslogChoices() throws UsageException {
        assertThat(parse("--syslog", "no").toProperties()).isEmpty();
        assertThat(parse("--syslog", "yes").toProperties()).containsExactly(entry("confd.log.syslog", "true"));
        assertThat(parse("--syslog", "only").toProperties())
                .containsExactly(entry("confd.log.syslog", "true"), entry("quarkus.log.console.enabled", "false"));
    }

    @Test
    void mapsOurSwitches() throws UsageException {
        assertThat(parse("--redact-private").toProperties())
                .containsExactly(entry("confd.config.redact-private", "true"));
        assertThat(parse("--demo").toProperties()).containsExactly(entry("confd.daemon.demo", "true"));
    }

    @Test
    void mapsNothingForSwitchesWithoutASetting() throws UsageException {
        assertThat(parse("-f", "--no-user-checks", "-h", "-V").toProperties()).isEmpty();
    }

    @Test
    void documentsEveryOptionInTheGeneratedUsage() {
        for (String option : new String[] {
            "-f, --foreground",
            "-d, --debug",
            "-p, --port=PORT",
            "-b, --bind=ADDRESS",
            "--no-user-checks",
            "--syslog=no|yes|only",
            "-h, --help",
            "-V, --version",
            "--config-file=FILE",
            "--hmac-key-file=FILE",
            "--http-port=PORT",
            "--redact-private",
            "--demo"
        }) {
            assertThat(ConfdMain.usage()).contains(option);
        }
    }
}
