/// The usual failure modes of each kind of component, offered as prompts when a workshop starts
/// from a model (`nines fmea init`). Prompts, not findings: the team keeps, rewrites or deletes
/// them. Each list starts with what goes wrong most often, so a shorter set (`PromptLevel`) is
/// its first few.
package enum FailureModeCatalogue {
    public static func prompts(for kind: ComponentKind) -> [String] {
        switch kind {
        case .application:
            return ["bad release (regression) reaches production", "crashes or restarts under unexpected input or load",
                    "hangs or deadlocks while its health check stays green", "configuration or feature-flag change breaks it",
                    "dependency timeout not handled (no retry or circuit breaker)"]
        case .database:
            return ["primary crashes and failover does not complete", "replication lag exceeds the RPO", "disk or storage full",
                    "backup cannot be restored", "connection pool exhausted", "credentials or certificates expire"]
        case .cache:
            return ["cache lost: the cold start overloads the store behind it", "stale or inconsistent entries served",
                    "memory full: evictions spike", "callers fail instead of falling back when the cache is down",
                    "a hot key overloads one node"]
        case .queue:
            return ["broker unavailable: producers cannot publish", "queue fills up (consumers stalled)",
                    "messages lost or delivered twice", "a poison message blocks its consumer", "credentials expire"]
        case .objectStore:
            return ["bucket unavailable or throttled", "objects deleted or overwritten by mistake (no versioning)",
                    "access policy change blocks readers or exposes data", "quota or request limit reached",
                    "region outage with no replica"]
        case .storage:
            return ["store unavailable", "disk full or quota reached", "data corrupted or deleted by mistake",
                    "backup cannot be restored", "latency spike stalls writers"]
        case .cdn:
            return ["CDN outage or a bad edge configuration push", "stale or wrong content cached",
                    "origin overloaded when the cache is purged", "TLS certificate expires", "routing to the edge fails"]
        case .loadBalancer:
            return ["health check misconfigured: healthy targets taken out (or sick ones kept)", "load balancer or ingress unavailable",
                    "TLS certificate expires", "connection or capacity limit reached", "routing rule change sends traffic to the wrong place"]
        case .dns:
            return ["record changed or deleted by mistake", "DNS provider outage", "domain registration or DNSSEC key lapses",
                    "TTL too long to move traffic in an incident"]
        case .network:
            return ["link or route down", "packet loss or latency beyond timeouts", "firewall or security-group change blocks traffic",
                    "failover to the backup path does not happen", "bandwidth saturated"]
        case .externalAPI:
            return ["provider outage", "responses slow beyond our timeouts", "rate limited or throttled",
                    "API change breaks the integration", "credentials or API key expire"]
        case .identity:
            return ["sign-in provider outage: nobody can log in", "signing keys or certificates rotated or expired",
                    "client, redirect or claims misconfigured by a change", "rate limited during a login surge"]
        case .compute:
            return ["instance or host crashes", "out of memory or disk: processes killed", "capacity exhausted (scaling does not keep up)",
                    "patch or reboot takes it down", "host certificate or clock goes wrong"]
        case .containerPlatform:
            return ["control plane unavailable: no deploys, no rescheduling", "node upgrade drains too many nodes at once",
                    "resource quotas or limits evict pods", "cluster certificates expire", "image registry unreachable"]
        case .site:
            return ["zone or data-centre outage", "power or cooling failure", "network partition between sites"]
        case .device:
            return ["device fails in the field", "firmware or software update breaks devices", "certificate or pairing expires",
                    "loses its connection to the back end"]
        case .other:
            return ["fails or stops responding", "a change (configuration, update) breaks it", "capacity exhausted",
                    "failure goes unnoticed (no monitoring)"]
        }
    }

    /// Prompts about a change that reaches every copy at once: on identical components they are
    /// asked of all of them together (`components: [...]`), so a filled-in rate is costed as the
    /// group's outage.
    public static let hitEveryCopy: Set<String> = ["bad release (regression) reaches production",
                                                   "configuration or feature-flag change breaks it",
                                                   "firmware or software update breaks devices"]

    /// Process and people: asked once for the whole system.
    public static let processPrompts = ["change deployed without review or rollback plan", "on-call cannot be reached",
                                        "runbook missing or out of date", "domain, certificate or licence lapses",
                                        "knowledge held by one person"]

    /// The FMEA layer of a kind's prompts, where the kind decides it; nil leaves the component's
    /// default (from its model layer: compute may be a VM, a container host or a box in a shop).
    public static func layer(of kind: ComponentKind) -> String? {
        switch kind {
        case .application: return "application"
        case .database, .cache, .queue, .objectStore, .storage: return "storage"
        case .cdn, .loadBalancer, .dns, .network: return "network"
        case .externalAPI, .identity: return "external"
        case .containerPlatform: return "container"
        case .site: return "hardware"
        case .compute, .device, .other: return nil
        }
    }
}

/// How many prompts `fmea init` writes (`--prompts`).
package enum PromptLevel: String, Sendable, CaseIterable {
    /// One set per kind of component, two prompts each; two process prompts.
    case minimal
    /// One set per kind of component, four prompts each; four process prompts.
    case standard
    /// Every component (identical ones once), all prompts of its kind; all process prompts.
    case full

    /// Prompts taken from the top of each list; nil for all.
    var promptsPerSet: Int? {
        switch self {
        case .minimal: return 2
        case .standard: return 4
        case .full: return nil
        }
    }
}
