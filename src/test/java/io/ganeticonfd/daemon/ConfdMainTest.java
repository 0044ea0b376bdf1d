package io.ganeticonfd.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.ganeticonfd.support.CommandRun;
import io.quarkus.runtime.annotations.RegisterForReflection;

import picocli.CommandLine;

/** The jar's command line in-process: one library, one wording, generated help for every command. */
class ConfdMainTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "--frobnicate|ganeti-confd: error: Unknown option: '--frobnicate' (see ganeti-confd --help)",
                "query --frobnicate ping|ganeti-confd: error: Unknown option: '--frobnicate' (see ganeti-confd query --help)",
                "bench --frobnicate|ganeti-confd: error: Unknown option: '--frobnicate' (see ganeti-confd bench --help)",
                "-p x|ganeti-confd: error: Invalid value for option '--port': invalid port: 'x' (see ganeti-confd --help)",
                "query --port|ganeti-confd: error: Missing required parameter for option '--port' (N) (see ganeti-confd query --help)",
                "bench --window|ganeti-confd: error: Missing required parameter for option '--window' (W) (see ganeti-confd bench --help)"
            })
    void aBadFlagIsOneLineInTheSameWordingAndExitsTwo(String args, String line) {
        CommandRun run = CommandRun.jar(args.split(" "));

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo(line + System.lineSeparator());
    }

    @Test
    void helpListsTheDaemonFlagsAndTheSubcommandsAndExitsZero() {
        CommandRun run = CommandRun.jar("--help");

        assertThat(run.code()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out())
                .startsWith("Usage: ganeti-confd ")
                .contains("-p, --port=PORT", "--syslog=no|yes|only", "--no-user-checks", "-V, --version")
                .isEqualTo(ConfdMain.usage());
        assertThat(run.out().lines().filter(l -> l.matches("\\s+(query|bench)\\s+\\S.*")))
                .hasSize(2);
    }

    @Test
    void subcommandHelpIsGeneratedTooAndExitsZero() {
        for (String command : List.of("query", "bench")) {
            CommandRun run = CommandRun.subcommand(command, "--help");

            assertThat(run.code()).isZero();
            assertThat(run.err()).isEmpty();
            assertThat(run.out())
                    .startsWith("Usage: ganeti-confd " + command + " [OPTIONS]")
                    .contains("--hmac-key-file=F", "--demo", "-h, --help", "Exit status:");
        }
    }

    @Test
    void everyCommandAndConverterIsRegisteredForReflectionForANativeImage() {
        CommandLine tree = ConfdMain.commandLine();
        List<Class<?>> registered = new ArrayList<>();
        for (CommandLine c : List.of(
                tree, tree.getSubcommands().get("query"), tree.getSubcommands().get("bench"))) {
            for (Object user : List.of(c.getCommandSpec().userObject())) {
                RegisterForReflection r = user.getClass().getAnnotation(RegisterForReflection.class);
                assertThat(r).as(user.getClass().getName()).isNotNull();
                registered.add(user.getClass());
                registered.addAll(List.of(r.targets()));
            }
            c.getCommandSpec().mixins().values().stream()
                    .map(m -> m.userObject().getClass())
                    .filter(m -> !m.getName().startsWith("picocli."))
                    .forEach(m -> assertThat(m.getAnnotation(RegisterForReflection.class))
                            .as(m.getName())
                            .isNotNull());
            c.getCommandSpec().options().stream()
                    .flatMap(o -> Arrays.stream(o.converters()))
                    .forEach(conv ->
                            assertThat(registered).as(conv.getClass().getName()).contains(conv.getClass()));
        }
        assertThat(tree.getCommand()
                        .getClass()
                        .getAnnotation(RegisterForReflection.class)
                        .classNames())
                .as("picocli's own -h/-V mixin")
                .contains("picocli.CommandLine$AutoHelpMixin");
    }

    @Test
    void versionPrintsOneLineAndExitsZero() {
        CommandRun run = CommandRun.jar("-V");

        assertThat(run.code()).isZero();
        assertThat(run.out()).startsWith("ganeti-confd ").hasLineCount(1);
    }

    @Test
    void daemonFlagsStartTheDaemonInsteadOfExiting() {
        assertThat(CommandRun.jar("-f", "-p", "1815").code()).isEqualTo(CommandRun.DAEMON);
    }
}
