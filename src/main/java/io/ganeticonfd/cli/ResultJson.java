package io.ganeticonfd.cli;

import java.io.PrintWriter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ganeticonfd.client.ConfdResult;
import io.ganeticonfd.client.PeerOutcome;
import io.ganeticonfd.client.PeerReply;
import io.ganeticonfd.protocol.ConfdReply;
import io.ganeticonfd.protocol.RequestEncoder;

/** The {@code --json} form of a result: the request, every asked peer's outcome and reply, and the chosen reply. */
final class ResultJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultJson() {}

    static ObjectNode of(ConfdResult result, ObjectMapper mapper) {
        ObjectNode root = mapper.createObjectNode();
        root.put("type", result.request().type().cliName());
        root.put("code", result.request().type().code());
        root.set("query", RequestEncoder.queryJson(result.request().query()));
        root.put("rsalt", result.request().rsalt());
        root.put("asked", result.asked().size());
        root.put("expected", result.expected());
        root.put("answered", result.replies().size());
        root.put("complete", result.complete());
        root.set("chosen", result.chosen().map(c -> reply(c, mapper)).orElse(null));
        ArrayNode peers = root.putArray("peers");
        for (PeerOutcome o : result.outcomes()) {
            ObjectNode p = o.reply() == null
                    ? mapper.createObjectNode().put("peer", o.peer().toString())
                    : reply(new PeerReply(o.peer(), o.reply()), mapper);
            p.put("outcome", FailureText.outcomeName(o.status()));
            peers.add(p);
        }
        return root;
    }

    /** Prints {@code json} indented. */
    static void print(PrintWriter out, ObjectNode json) {
        try {
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode reply(PeerReply r, ObjectMapper mapper) {
        ConfdReply reply = r.reply();
        ObjectNode n = mapper.createObjectNode().put("peer", r.peer().toString());
        n.put("status", reply.status().code());
        n.put("serial", reply.serial());
        n.set("answer", reply.answer());
        return n;
    }
}
