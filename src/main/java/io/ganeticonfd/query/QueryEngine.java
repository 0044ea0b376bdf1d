package io.ganeticonfd.query;

import io.ganeticonfd.config.AnswerPreparer;
import io.ganeticonfd.config.ClusterSnapshot;
import io.ganeticonfd.protocol.ConfdRequest;
import io.ganeticonfd.protocol.ReplyBody;
import io.ganeticonfd.protocol.RequestType;

/**
 * Answers a request from a snapshot's prepared answers: a pure function dispatching to one handler
 * per request type. Also prepares those answers for each snapshot the config layer loads.
 */
public final class QueryEngine implements AnswerPreparer<PreparedAnswers> {

    private final QueryHandler ping = new PingHandler();
    private final QueryHandler nodeRole = new NodeRoleHandler();
    private final QueryHandler nodePipByInstanceIp = new NodePipByInstanceIpHandler();
    private final QueryHandler clusterMaster = new ClusterMasterHandler();
    private final QueryHandler nodePipList = NodePipListHandler.allNodes();
    private final QueryHandler mcPipList = NodePipListHandler.masterCandidates();
    private final QueryHandler instancesIpsList = new InstancesIpsListHandler();
    private final QueryHandler nodeDrbd = new NodeDrbdHandler();
    private final QueryHandler nodeInstances = new NodeInstancesHandler();
    private final QueryHandler instanceDisks = new InstanceDisksHandler();
    private final QueryHandler configQuery = new ConfigQueryHandler();
    private final QueryHandler dataCollectors = new DataCollectorsHandler();

    /** The reply to {@code request} from the answers prepared for a snapshot (or the error while there is none). */
    public ReplyBody answer(ConfdRequest request, PreparedAnswers prepared) {
        ReplyBody unavailable = prepared.unavailableReply();
        return unavailable != null ? unavailable : handler(request.type()).answer(request.query(), prepared);
    }

    /** Prepares the answers that do not depend on a query argument; call off the request path. */
    @Override
    public PreparedAnswers prepare(ClusterSnapshot snapshot) {
        return PreparedAnswers.of(snapshot);
    }

    @Override
    public PreparedAnswers unavailable(String reason) {
        return PreparedAnswers.unavailable(reason);
    }

    private QueryHandler handler(RequestType type) {
        return switch (type) {
            case PING -> ping;
            case NODE_ROLE_BYNAME -> nodeRole;
            case NODE_PIP_BY_INSTANCE_IP -> nodePipByInstanceIp;
            case CLUSTER_MASTER -> clusterMaster;
            case NODE_PIP_LIST -> nodePipList;
            case MC_PIP_LIST -> mcPipList;
            case INSTANCES_IPS_LIST -> instancesIpsList;
            case NODE_DRBD -> nodeDrbd;
            case NODE_INSTANCES -> nodeInstances;
            case INSTANCE_DISKS -> instanceDisks;
            case CONFIG_QUERY -> configQuery;
            case DATA_COLLECTORS -> dataCollectors;
        };
    }
}
