package io.ganeticonfd.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ganeticonfd.client.ConfdClient;
import io.ganeticonfd.client.ConfdResult;
import io.ganeticonfd.client.HmacKeyFile;
import io.ganeticonfd.client.PeerReply;
import io.ganeticonfd.protocol.HmacKey;

/**
 * {@code ganeti-confd query}: asks confd servers one question (or runs the self-test) and prints the
 * chosen answer. Plain Java: binds no daemon port and starts no framework.
 */
public final class QueryCommand {

    private static final String PREFIX = "ganeti-confd query: ";
    private static final ObjectMapper JSON = new ObjectMapper();

    private QueryCommand() {
    }

    /** Runs the command with the arguments after {@code query}; returns 0 ok, 1 no or error answer, 2 usage error. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        QueryOptions options;
        HmacKey key;
        ConfdClient client;
        try {
            options = QueryOptions.parse(args);
            if (options.help()) {
                out.print(QueryUsage.TEXT);
                return 0;
            }
            key = HmacKeyFile.load(options.demo(), options.keyFile());
            client = client(options, key);
        } catch (UsageException | IllegalArgumentException e) {
            err.println(PREFIX + "error: " + e.getMessage() + " (see --help)");
            return 2;
        } catch (IOException e) {
            err.println(PREFIX + "error: cannot open a UDP socket: " + e.getMessage());
            return 1;
        }
        try (client) {
            return options.selftest() ? selftest(client, options, out) : query(client, options, out, err);
        }
    }

    private static int query(ConfdClient client, QueryOptions o, PrintStream out, PrintStream err) {
        ConfdResult result;
        try {
            result = client.query(o.type(), o.query()).join();
        } catch (CompletionException e) {
            err.println(PREFIX + "error: " + e.getCause().getMessage());
            return e.getCause() instanceof IllegalArgumentException ? 2 : 1;
        }
        PeerReply chosen = result.chosen().orElse(null);
        if (o.json()) {
            print(out, ResultJson.of(result, JSON));
        } else if (chosen != null && chosen.reply().ok()) {
            printHuman(o, result, chosen, out);
        }
        if (chosen == null) {
            err.println(PREFIX + label(o) + ": " + FailureText.noReply(result));
            return 1;
        }
        if (!chosen.reply().ok()) {
            err.println(PREFIX + label(o) + ": " + FailureText.errorReply(chosen) + suffix(result, chosen));
            return 1;
        }
        return 0;
    }

    private static void printHuman(QueryOptions o, ConfdResult result, PeerReply chosen, PrintStream out) {
        AnswerText text = AnswerText.of(o.type(), o.fields(), chosen.reply().answer());
        if (text.value() != null) {
            out.println(label(o) + ": " + text.value() + suffix(result, chosen));
        } else if (text.lines().isEmpty()) {
            out.println(label(o) + ": none" + suffix(result, chosen));
        } else {
            out.println(label(o) + suffix(result, chosen) + ":");
            text.lines().forEach(line -> out.println("  " + line));
        }
    }

    private static int selftest(ConfdClient client, QueryOptions o, PrintStream out) {
        List<SelfTest.Check> checks = new SelfTest(client, o.requests()).run();
        long passed = checks.stream().filter(SelfTest.Check::ok).count();
        if (o.json()) {
            ObjectNode root = JSON.createObjectNode();
            ArrayNode peers = root.putArray("peers");
            client.peers().forEach(p -> peers.add(p.toString()));
            ArrayNode list = root.putArray("checks");
            checks.forEach(c -> list.addObject().put("name", c.name()).put("ok", c.ok())
                    .put("ms", Math.round(c.millis() * 1000) / 1000.0).put("detail", c.detail()));
            root.put("passed", passed).put("failed", checks.size() - passed);
            print(out, root);
        } else {
            out.println("confd self-test against " + client.peers().size() + " peer(s): " + client.peers());
            for (SelfTest.Check c : checks) {
                out.println(String.format(Locale.ROOT, "%-4s %9.3f ms  %s: %s", c.ok() ? "OK" : "FAIL", c.millis(),
                        c.name(), c.detail()));
            }
            out.println(passed + "/" + checks.size() + " checks passed");
        }
        return passed == checks.size() ? 0 : 1;
    }

    private static String label(QueryOptions o) {
        return o.type().cliName() + (o.arg() == null ? "" : " " + o.arg())
                + (o.link() == null ? "" : " (link " + o.link() + ")");
    }

    private static String suffix(ConfdResult result, PeerReply chosen) {
        String serial = chosen.reply().serial() != 0 ? "serial " + chosen.reply().serial() + ", " : "";
        return " (" + serial + result.replies().size() + "/" + result.asked().size() + " peers answered)";
    }

    private static void print(PrintStream out, ObjectNode json) {
        try {
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ConfdClient client(QueryOptions o, HmacKey key) throws IOException {
        var builder = ConfdClient.builder(key).peers(o.peers()).port(o.port()).timeout(o.timeout()).retries(o.retries());
        if (o.coverage() != null) {
            builder.coverage(o.coverage());
        }
        return builder.build();
    }
}
