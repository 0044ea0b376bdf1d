package io.ganeticonfd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

import io.ganeticonfd.client.ConfdClient;
import io.ganeticonfd.client.ConfdClientBuilder;
import io.ganeticonfd.client.ConfdResult;
import io.ganeticonfd.client.RequestDescription;
import io.ganeticonfd.protocol.HmacKey;
import io.ganeticonfd.protocol.MasterField;
import io.ganeticonfd.protocol.RequestType;
import io.quarkus.runtime.annotations.RegisterForReflection;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ganeti-confd query}: asks confd servers one question (or runs the self-test) and prints the
 * chosen answer. Plain Java: binds no daemon port and starts no framework. A picocli subcommand.
 */
@Command(
        name = "query",
        sortOptions = false,
        usageHelpAutoWidth = false,
        customSynopsis = {"ganeti-confd query [OPTIONS] TYPE [ARG]", "       ganeti-confd query [OPTIONS] --selftest"},
        description = "Asks confd servers one question and prints the newest answer (highest serial).",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:answered", "1:no reply, an error answer or a failed self-test check", "2:usage error"})
@RegisterForReflection
public final class QueryCommand implements Callable<Integer> {

    private static final String PREFIX = "ganeti-confd query: ";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "TYPE", description = "request type, by name or number")
    String type;

    @Parameters(index = "1", arity = "0..1", paramLabel = "ARG", description = "its argument, if it takes one")
    String arg;

    @Option(
            names = "--peers",
            paramLabel = "A,B,...",
            description = "servers to ask: host, host:port, [v6] or [v6]:port [127.0.0.1]")
    String peers;

    @Option(names = "--port", paramLabel = "N", description = "port of peers given without one [1814]")
    int port = ConfdClientBuilder.DEFAULT_PORT;

    @Mixin
    ClientKeyOptions key;

    @Option(names = "--timeout", paramLabel = "S", description = "seconds to wait for replies [2]")
    String timeout;

    @Option(names = "--coverage", paramLabel = "N", description = "peers asked per request [all peers, at most 6]")
    Integer coverage;

    @Option(names = "--retries", paramLabel = "N", description = "re-sends when replies are missing at the timeout [0]")
    int retries;

    @Option(
            names = "--link",
            paramLabel = "LINK",
            description = "the link of node-pip-by-instance-ip [the default link]")
    String link;

    @Option(
            names = "--fields",
            paramLabel = "F,...",
            description = "master fields: 0|name, 1|master-ip, 2|node-primary-ip")
    String fields;

    @Option(names = "--json", description = "print the request, every peer's reply and the chosen one as JSON")
    boolean json;

    @Option(names = "--selftest", description = "run the checks of Ganeti's confd-client tool, each timed")
    boolean selftest;

    @Option(
            names = "--requests",
            paramLabel = "N",
            description = "requests per timing check of --selftest [100; 0 skips them]")
    Integer requests;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "show this help")
    boolean help;

    /** The command, its help listing every request type. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new QueryCommand());
        cl.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER, h -> requestTypes());
        return cl;
    }

    /** Runs the parsed command; returns 0 ok, 1 no or error answer (usage errors are thrown). */
    @Override
    public Integer call() {
        QueryOptions options = options();
        HmacKey hmacKey = key.key(spec.commandLine());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConfdClient client;
        try {
            client = client(options, hmacKey);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        } catch (IOException e) {
            err.println(PREFIX + "error: cannot open a UDP socket: " + e.getMessage());
            return 1;
        }
        try (client) {
            return options.selftest()
                    ? new SelfTest(client, options.requests()).report(options.json(), out)
                    : query(client, options, out, err);
        }
    }

    /** The options as one checked record; a usage error for what cannot be run. */
    QueryOptions options() {
        CommandLine cl = spec.commandLine();
        Path keyFile = key.keyFile(cl);
        OptionChecks.wholeNumber(cl, "--port", port, 1, 65_535);
        OptionChecks.wholeNumber(cl, "--retries", retries, 0, 100);
        if (coverage != null) {
            OptionChecks.wholeNumber(cl, "--coverage", coverage, 1, 1000);
        }
        if (requests != null) {
            OptionChecks.wholeNumber(cl, "--requests", requests, 0, 1_000_000);
        }
        Duration wait = timeout == null ? ConfdClientBuilder.DEFAULT_TIMEOUT : seconds(cl, timeout);
        List<String> peerList = peers == null
                ? List.of(QueryOptions.DEFAULT_PEER)
                : Arrays.stream(peers.split(","))
                        .map(String::strip)
                        .filter(p -> !p.isEmpty())
                        .toList();
        if (peerList.isEmpty()) {
            throw new ParameterException(cl, "--peers needs at least one peer");
        }
        List<MasterField> masterFields = fields == null ? null : masterFields(cl, fields);
        int timing = requests != null ? requests : QueryOptions.DEFAULT_TIMING_REQUESTS;
        RequestType requestType = null;
        if (selftest) {
            if (type != null || link != null || fields != null) {
                throw new ParameterException(cl, "--selftest takes no request TYPE, ARG, --link or --fields");
            }
        } else {
            if (requests != null) {
                throw new ParameterException(cl, "--requests only applies to --selftest");
            }
            requestType = requestType(cl);
        }
        return new QueryOptions(
                selftest,
                json,
                key.demo(),
                peerList,
                port,
                keyFile,
                wait,
                coverage,
                retries,
                timing,
                requestType,
                arg,
                link,
                masterFields);
    }

    private RequestType requestType(CommandLine cl) {
        if (type == null) {
            throw new ParameterException(cl, "missing request TYPE (one of: " + typeNames() + ")");
        }
        RequestType t = RequestType.fromName(type)
                .orElseThrow(() -> new ParameterException(
                        cl, "unknown request type '" + type + "' (one of: " + typeNames() + ")"));
        RequestDescription description = RequestDescription.of(t);
        if (description.argument() == RequestDescription.Argument.NONE && arg != null) {
            throw new ParameterException(cl, t.cliName() + " takes no argument, got '" + arg + "'");
        }
        if (description.argument() == RequestDescription.Argument.REQUIRED && arg == null) {
            throw new ParameterException(cl, t.cliName() + " needs an argument (" + description.argumentName() + ")");
        }
        if (link != null && t != RequestType.NODE_PIP_BY_INSTANCE_IP) {
            throw new ParameterException(
                    cl,
                    "--link only applies to " + RequestType.NODE_PIP_BY_INSTANCE_IP.cliName()
                            + " (instance-ips takes the link as its argument)");
        }
        if (fields != null && t != RequestType.CLUSTER_MASTER) {
            throw new ParameterException(cl, "--fields only applies to " + RequestType.CLUSTER_MASTER.cliName());
        }
        return t;
    }

    private static Duration seconds(CommandLine cl, String text) {
        try {
            BigDecimal s = new BigDecimal(text.strip());
            if (s.compareTo(BigDecimal.valueOf(86_400)) <= 0
                    && s.movePointRight(3).compareTo(BigDecimal.ONE) >= 0) {
                return Duration.ofNanos(s.movePointRight(9).longValue());
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw OptionChecks.invalid(cl, "--timeout", "expected seconds (0.001 to 86400), got '" + text + "'");
    }

    private static List<MasterField> masterFields(CommandLine cl, String names) {
        List<MasterField> out = new ArrayList<>();
        for (String name : names.split(",")) {
            String f = name.strip();
            out.add(MasterField.fromName(f)
                    .orElseThrow(() -> OptionChecks.invalid(
                            cl,
                            "--fields",
                            "unknown master field '" + f + "' (0/name, 1/master-ip, 2/node-primary-ip)")));
        }
        return List.copyOf(out);
    }

    private static String typeNames() {
        return RequestDescription.all().stream()
                .map(RequestDescription::cliName)
                .collect(Collectors.joining(", "));
    }

    private static String requestTypes() {
        StringBuilder b = new StringBuilder("%nRequest types (by name or number):%n".formatted());
        for (RequestDescription d : RequestDescription.all()) {
            String synopsis = d.synopsis();
            b.append(String.format(
                    Locale.ROOT,
                    "  %2d  %-28s%s%n",
                    d.type().code(),
                    synopsis,
                    synopsis.length() > 27 ? String.format("%n%34s%s", "", d.summary()) : d.summary()));
        }
        return b.append("NODE and INSTANCE are names, unique short names or UUIDs.")
                .append(System.lineSeparator())
                .toString();
    }

    private int query(ConfdClient client, QueryOptions o, PrintWriter out, PrintWriter err) {
        ConfdResult result;
        try {
            result = client.query(o.type(), o.query()).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof IllegalArgumentException) {
                throw new ParameterException(spec.commandLine(), e.getCause().getMessage());
            }
            err.println(PREFIX + "error: " + e.getCause().getMessage());
            return 1;
        }
        return QueryOutput.print(o, result, out, err);
    }

    private static ConfdClient client(QueryOptions o, HmacKey key) throws IOException {
        var builder = ConfdClient.builder(key)
                .peers(o.peers())
                .port(o.port())
                .timeout(o.timeout())
                .retries(o.retries());
        if (o.coverage() != null) {
            builder.coverage(o.coverage());
        }
        return builder.build();
    }
}
