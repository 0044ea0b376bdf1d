package io.ganeticonfd.cli;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.ganeticonfd.client.ConfdClientBuilder;
import io.ganeticonfd.client.HmacKeyFile;
import io.ganeticonfd.client.RequestDescription;
import io.ganeticonfd.protocol.MasterField;
import io.ganeticonfd.protocol.RequestType;

/** Turns the {@code query} arguments into {@link QueryOptions}; options may come before or after TYPE. */
final class QueryOptionsParser {

    private final String[] args;
    private int next;
    private final List<String> positional = new ArrayList<>();
    private boolean help;
    private boolean selftest;
    private boolean json;
    private boolean demo;
    private List<String> peers;
    private int port = ConfdClientBuilder.DEFAULT_PORT;
    private Path keyFile;
    private Duration timeout = ConfdClientBuilder.DEFAULT_TIMEOUT;
    private Integer coverage;
    private int retries;
    private Integer requests;
    private String link;
    private List<MasterField> fields;

    QueryOptionsParser(String[] args) {
        this.args = args.clone();
    }

    QueryOptions parse() throws UsageException {
        boolean onlyPositional = false;
        while (next < args.length) {
            String a = args[next++];
            if (onlyPositional || !a.startsWith("-") || a.equals("-")) {
                positional.add(a);
            } else if (a.equals("--")) {
                onlyPositional = true;
            } else {
                option(a);
            }
        }
        if (help) {
            return build(null, null);
        }
        if (demo && keyFile != null) {
            throw new UsageException("--demo and --hmac-key-file cannot be combined");
        }
        if (selftest) {
            if (!positional.isEmpty() || link != null || fields != null) {
                throw new UsageException("--selftest takes no request TYPE, ARG, --link or --fields");
            }
            return build(null, null);
        }
        if (requests != null) {
            throw new UsageException("--requests only applies to --selftest");
        }
        return typed();
    }

    private void option(String a) throws UsageException {
        int eq = a.indexOf('=');
        String name = eq > 0 && a.startsWith("--") ? a.substring(0, eq) : a;
        String inline = eq > 0 && a.startsWith("--") ? a.substring(eq + 1) : null;
        switch (name) {
            case "-h", "--help" -> help = true;
            case "--selftest" -> selftest = true;
            case "--json" -> json = true;
            case "--demo" -> demo = true;
            case "--peers" -> peers = peerList(value(name, inline));
            case "--port" -> port = number(name, value(name, inline), 1, 65_535);
            case "--hmac-key-file" -> keyFile = Path.of(value(name, inline));
            case "--timeout" -> timeout = seconds(name, value(name, inline));
            case "--coverage" -> coverage = number(name, value(name, inline), 1, 1000);
            case "--retries" -> retries = number(name, value(name, inline), 0, 100);
            case "--requests" -> requests = number(name, value(name, inline), 0, 1_000_000);
            case "--link" -> link = value(name, inline);
            case "--fields" -> fields = fieldList(value(name, inline));
            default -> throw new UsageException("unknown option " + name);
        }
        if (inline != null && List.of("-h", "--help", "--selftest", "--json", "--demo").contains(name)) {
            throw new UsageException("option " + name + " takes no value");
        }
    }

    private QueryOptions typed() throws UsageException {
        if (positional.isEmpty()) {
            throw new UsageException("missing request TYPE (one of: " + typeNames() + ")");
        }
        RequestType type = RequestType.fromName(positional.get(0)).orElseThrow(() -> new UsageException(
                "unknown request type '" + positional.get(0) + "' (one of: " + typeNames() + ")"));
        if (positional.size() > 2) {
            throw new UsageException("too many arguments: " + String.join(" ", positional.subList(2, positional.size())));
        }
        String arg = positional.size() == 2 ? positional.get(1) : null;
        RequestDescription description = RequestDescription.of(type);
        if (description.argument() == RequestDescription.Argument.NONE && arg != null) {
            throw new UsageException(type.cliName() + " takes no argument, got '" + arg + "'");
        }
        if (description.argument() == RequestDescription.Argument.REQUIRED && arg == null) {
            throw new UsageException(type.cliName() + " needs an argument (" + description.argumentName() + ")");
        }
        if (link != null && type != RequestType.NODE_PIP_BY_INSTANCE_IP) {
            throw new UsageException("--link only applies to " + RequestType.NODE_PIP_BY_INSTANCE_IP.cliName()
                    + " (instance-ips takes the link as its argument)");
        }
        if (fields != null && type != RequestType.CLUSTER_MASTER) {
            throw new UsageException("--fields only applies to " + RequestType.CLUSTER_MASTER.cliName());
        }
        return build(type, arg);
    }

    private QueryOptions build(RequestType type, String arg) {
        List<String> peerList = peers != null ? peers : List.of(QueryOptions.DEFAULT_PEER);
        Path key = demo ? null : keyFile != null ? keyFile : HmacKeyFile.GANETI_PATH;
        int timing = requests != null ? requests : QueryOptions.DEFAULT_TIMING_REQUESTS;
        return new QueryOptions(help, selftest, json, demo, peerList, port, key, timeout, coverage, retries, timing,
                type, arg, link, fields);
    }

    private String value(String name, String inline) throws UsageException {
        if (inline != null) {
            return inline;
        }
        if (next >= args.length) {
            throw new UsageException("option " + name + " needs a value");
        }
        return args[next++];
    }

    private static List<String> peerList(String text) throws UsageException {
        List<String> out = Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toList());
        if (out.isEmpty()) {
            throw new UsageException("--peers needs at least one peer");
        }
        return out;
    }

    private static int number(String name, String text, int min, int max) throws UsageException {
        try {
            int n = Integer.parseInt(text.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("option " + name + ": expected a number from " + min + " to " + max + ", got '" + text + "'");
    }

    private static Duration seconds(String name, String text) throws UsageException {
        try {
            BigDecimal s = new BigDecimal(text.strip());
            if (s.compareTo(BigDecimal.valueOf(86_400)) <= 0 && s.movePointRight(3).compareTo(BigDecimal.ONE) >= 0) {
                return Duration.ofNanos(s.movePointRight(9).longValue());
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("option " + name + ": expected seconds (0.001 to 86400), got '" + text + "'");
    }

    private static List<MasterField> fieldList(String text) throws UsageException {
        List<MasterField> out = new ArrayList<>();
        for (String f : text.split(",")) {
            out.add(field(f.strip()));
        }
        return List.copyOf(out);
    }

    private static MasterField field(String f) throws UsageException {
        for (MasterField m : MasterField.values()) {
            if (f.equals(Integer.toString(m.code())) || f.equals(fieldName(m))) {
                return m;
            }
        }
        throw new UsageException("unknown master field '" + f + "' (0/name, 1/master-ip, 2/node-primary-ip)");
    }

    static String fieldName(MasterField m) {
        return m.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String typeNames() {
        return Arrays.stream(RequestType.values()).map(RequestType::cliName).collect(Collectors.joining(", "));
    }
}
