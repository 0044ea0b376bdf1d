package io.ganeticonfd.config;

import static io.ganeticonfd.config.Member.optionalValues;
import static io.ganeticonfd.config.Member.required;
import static io.ganeticonfd.config.Member.tags;
import static io.ganeticonfd.config.Member.timestamps;

import java.util.List;

/** Ganeti 3.0's network and job filter rule objects. */
final class NetworkModel {

    static final ObjectModel NETWORK = ObjectModel.of(
            "network",
            List.of(required("name"), Member.optional("mac_prefix"), required("network")),
            optionalValues("network6", "gateway", "gateway6", "reservations", "ext_reservations"),
            List.of(required("uuid")),
            timestamps(),
            List.of(required("serial_no"), tags()));

    static final ObjectModel FILTER_RULE = ObjectModel.of(
            "filter rule",
            List.of(
                    required("watermark"),
                    required("priority"),
                    required("predicates", Shape.PREDICATES),
                    required("action"),
                    required("reason_trail"),
                    required("uuid")));

    private NetworkModel() {}
}
