package io.ganeticonfd.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.ganeticonfd.client.RequestDescription;
import io.ganeticonfd.protocol.MasterField;
import io.ganeticonfd.protocol.QueryArgument;
import io.ganeticonfd.protocol.RequestType;

/**
 * The checked {@code query} command line. {@code type} is null for {@code --selftest}; {@code keyFile} is null with {@code --demo}; {@code coverage} null means the default.
 */
record QueryOptions(
        boolean selftest,
        boolean json,
        boolean demo,
        List<String> peers,
        int port,
        Path keyFile,
        Duration timeout,
        Integer coverage,
        int retries,
        int requests,
        RequestType type,
        String arg,
        String link,
        List<MasterField> fields) {

    static final String DEFAULT_PEER = "127.0.0.1";
    static final int DEFAULT_TIMING_REQUESTS = 100;

    /** The query argument sent on the wire for {@link #type}. */
    QueryArgument query() {
        return RequestDescription.of(type).query(arg, link, fields);
    }
}
