package io.ganeticonfd.query;

import java.util.ArrayList;
import java.util.List;

import io.ganeticonfd.config.DiskEntry;
import io.ganeticonfd.config.Instance;
import io.ganeticonfd.protocol.QueryArgument;
import io.ganeticonfd.protocol.ReplyBody;

/** INSTANCE_DISKS: the disk objects of an instance, in its disk order, with the instance's serial; cached per instance and snapshot. */
final class InstanceDisksHandler implements QueryHandler {

    @Override
    public ReplyBody answer(QueryArgument query, PreparedAnswers prepared) {
        String name = CommonReplies.plain(query);
        if (name == null) {
            return CommonReplies.invalidQueryKind(query, "an instance name");
        }
        return CommonReplies.withFound(
                prepared.snapshot().findInstance(name),
                "Instance",
                name,
                instance -> PreparedAnswers.cached(prepared.disksByInstance, instance.key(), () -> disks(instance)));
    }

    private static ReplyBody disks(Instance instance) {
        List<byte[]> objects = new ArrayList<>(instance.disks().size());
        for (DiskEntry disk : instance.disks()) {
            if (disk == null) {
                return ReplyBody.error(
                        "Instance " + instance.name() + " refers to a disk missing from the configuration");
            }
            objects.add(disk.json());
        }
        return ReplyBody.ok(JsonArrays.of(objects), instance.serial());
    }
}
