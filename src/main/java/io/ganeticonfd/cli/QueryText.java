package io.ganeticonfd.cli;

import io.ganeticonfd.protocol.ReplyBody;
import io.ganeticonfd.protocol.RequestType;

/** The query a resolved mix entry sends, as JSON text (null: no query member). */
final class QueryText {

    private QueryText() {
    }

    /**
     * Raw entries send their JSON; node-pip-by-instance-ip sends {@code {"1": IP}} (the default link);
     * other arguments go as a JSON string; no argument sends no query.
     */
    static String of(BenchMix.Entry e) {
        if (e.arg() == null) {
            return null;
        }
        if (e.raw()) {
            return e.arg();
        }
        if (e.type() == RequestType.NODE_PIP_BY_INSTANCE_IP) {
            return "{\"1\": " + ReplyBody.quote(e.arg()) + "}";
        }
        return ReplyBody.quote(e.arg());
    }
}
