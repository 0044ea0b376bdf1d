package io.ganeticonfd.cli;

import java.io.PrintWriter;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.ganeticonfd.client.AnswerText;
import io.ganeticonfd.client.ConfdResult;
import io.ganeticonfd.client.PeerReply;
import io.ganeticonfd.client.RequestDescription;

/** What {@code query} prints for a result: the chosen answer as text (or every reply as JSON), or why there is none. */
final class QueryOutput {

    private static final String PREFIX = "ganeti-confd query: ";
    private static final ObjectMapper JSON = new ObjectMapper();

    private QueryOutput() {}

    /** Prints {@code result} as {@code o} asks; returns the exit code (0 answered, 1 no answer or an error reply). */
    static int print(QueryOptions o, ConfdResult result, PrintWriter out, PrintWriter err) {
        PeerReply chosen = result.chosen().orElse(null);
        if (o.json()) {
            ResultJson.print(out, ResultJson.of(result, JSON));
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

    private static void printHuman(QueryOptions o, ConfdResult result, PeerReply chosen, PrintWriter out) {
        AnswerText text =
                RequestDescription.of(o.type()).text(o.query(), chosen.reply().answer());
        if (text.value() != null) {
            out.println(label(o) + ": " + text.value() + suffix(result, chosen));
        } else if (text.lines().isEmpty()) {
            out.println(label(o) + ": none" + suffix(result, chosen));
        } else {
            out.println(label(o) + suffix(result, chosen) + ":");
            text.lines().forEach(line -> out.println("  " + line));
        }
    }

    private static String label(QueryOptions o) {
        return o.type().cliName()
                + (o.arg() == null ? "" : " " + o.arg())
                + (o.link() == null ? "" : " (link " + o.link() + ")");
    }

    private static String suffix(ConfdResult result, PeerReply chosen) {
        String serial =
                chosen.reply().serial() != 0 ? "serial " + chosen.reply().serial() + ", " : "";
        return " (" + serial + result.replies().size() + "/" + result.asked().size() + " peers answered)";
    }
}
