package io.ganeticonfd.config;

import static io.ganeticonfd.config.Member.emptyListByDefault;
import static io.ganeticonfd.config.Member.optional;
import static io.ganeticonfd.config.Member.required;
import static io.ganeticonfd.config.Member.timestamps;

import java.util.List;

import com.fasterxml.jackson.databind.node.TextNode;

/** Ganeti 3.0's disk object, also the shape of each of its {@code children}. */
final class DiskModel {

    static final ObjectModel DISK = ObjectModel.of(
            "disk",
            List.of(
                    required("logical_id", Shape.LOGICAL_ID),
                    required("dev_type"),
                    emptyListByDefault("children", Shape.listOf(() -> DiskModel.DISK)),
                    emptyListByDefault("nodes", Shape.VALUE),
                    Member.defaulted("iv_name", TextNode.valueOf(""), Shape.VALUE),
                    required("size"),
                    Member.defaulted("mode", TextNode.valueOf("rw"), Shape.VALUE),
                    optional("name"),
                    optional("spindles"),
                    optional("params"),
                    required("uuid"),
                    required("serial_no")),
            timestamps());

    private DiskModel() {}
}
