/// The usual failure modes of each kind of component, offered as prompts when a workshop starts
/// from a model (`nines fmea init`). Prompts, not findings: the team keeps, rewrites or deletes them.
package enum FailureModeCatalogue {
    /// What a component is, as far as the prompts care.
    public enum Kind: String, Sendable, CaseIterable {
        case database, storage, queue, network, external, compute, application, hardware, process
    }

    /// Kind of a component: its name first (a `postgres` on layer platform is still a database),
    /// then its model layer.
    public static func kind(of component: Component) -> Kind {
        let name = component.name.lowercased()
        let words: [(Kind, [String])] = [
            (.database, ["db", "database", "postgres", "mysql", "sql", "mongo", "redis", "rds", "aurora", "dynamo", "cassandra"]),
            (.queue, ["queue", "kafka", "sqs", "rabbit", "bus", "stream", "nats"]),
            (.storage, ["storage", "s3", "bucket", "blob", "disk", "volume", "nfs", "file"]),
            (.network, ["network", "dns", "lb", "load-balancer", "gateway", "cdn", "vpn", "link", "wan", "lan", "router", "firewall"]),
            (.hardware, ["zone", "az-", "datacenter", "rack", "power", "hardware", "server"]),
            (.compute, ["node", "cluster", "k8s", "kubernetes", "vm", "host", "ec2", "container"]),
        ]
        for (kind, keys) in words where keys.contains(where: { name.contains($0) }) { return kind }
        switch component.layer {
        case "data": return .database
        case "network": return .network
        case "external": return .external
        case "physical": return .hardware
        case "platform": return .compute
        default: return .application
        }
    }

    /// FMEA layer of the prompts for a kind.
    public static func layer(of kind: Kind) -> String {
        switch kind {
        case .database, .storage, .queue: return "storage"
        case .network: return "network"
        case .external: return "external"
        case .compute: return "container"
        case .application: return "application"
        case .hardware: return "hardware"
        case .process: return "process"
        }
    }

    public static func prompts(for kind: Kind) -> [String] {
        switch kind {
        case .database:
            return ["primary crashes", "replication lag exceeds the RPO", "disk full", "failover does not complete",
                    "credentials or certificates expire", "backup cannot be restored"]
        case .storage:
            return ["volume or bucket unavailable", "disk full or quota reached", "data corrupted or deleted by mistake",
                    "latency spike stalls writers", "backup cannot be restored"]
        case .queue:
            return ["broker unavailable", "queue fills up (consumers stalled)", "messages lost or duplicated",
                    "poison message blocks the queue", "credentials expire"]
        case .network:
            return ["link or route down", "DNS resolution fails", "packet loss or latency beyond timeouts",
                    "firewall or security-group change blocks traffic", "TLS certificate expires"]
        case .external:
            return ["provider outage", "rate limited or throttled", "responses slow beyond our timeouts",
                    "API change breaks the integration", "credentials or API key expire"]
        case .compute:
            return ["node or instance crashes", "out of memory: processes killed", "CPU saturation under load",
                    "rollout or deployment fails", "autoscaling does not keep up"]
        case .application:
            return ["crashes on unexpected input", "hangs or deadlocks (health check still green)", "bad release (regression)",
                    "configuration error", "dependency timeout not handled (no retry or circuit breaker)"]
        case .hardware:
            return ["zone or data-centre outage", "power loss", "host hardware failure"]
        case .process:
            return ["change deployed without review or rollback plan", "on-call cannot be reached", "runbook missing or out of date",
                    "domain, certificate or licence lapses"]
        }
    }
}
