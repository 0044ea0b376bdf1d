package io.ganeticonfd.query;

import io.ganeticonfd.config.ClusterSnapshot;
import io.ganeticonfd.protocol.ConfdRequest;
import io.ganeticonfd.protocol.ReplyBody;
import io.ganeticonfd.protocol.RequestType;

/** Answers a request from a snapshot: a pure function dispatching to one handler per request type. */
public final class QueryEngine {

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

    /** The reply to {@code request} on {@code snapshot}. */
    public ReplyBody answer(ConfdRequest request, ClusterSnapshot snapshot) {
        return handler(request.type()).answer(request.query(), snapshot);
    }

    /** Precomputes the answers that do not depend on a query argument; call off the request path. */
    public void warm(ClusterSnapshot snapshot) {
        for (RequestType type : RequestType.values()) {
            handler(type).warm(snapshot);
        }
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
