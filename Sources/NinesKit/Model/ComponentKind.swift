/// What a component is, as far as a workshop cares (`kind:` in the model): it chooses the failure
/// modes `nines fmea init` offers as prompts (a cache gets cache prompts, not a database's). The
/// figures never depend on it. Without a `kind:` the component's layer stands in (`inferred`).
public enum ComponentKind: String, Hashable, Sendable, CaseIterable, Codable {
    /// Our own service code.
    case application
    case database
    case cache
    case queue
    /// Buckets and blobs (S3, GCS, Azure Blob).
    case objectStore = "object-store"
    /// Any other data store: volumes, disks, file shares.
    case storage
    case cdn
    case loadBalancer = "load-balancer"
    case dns
    /// Links, routers, switches, VPNs, WAN lines.
    case network
    /// A third party's service we call (payments, a hosted platform, a SaaS API).
    case externalAPI = "external-api"
    /// A sign-in provider (SSO, OpenID Connect, LDAP).
    case identity
    /// Servers, VMs, node groups: what runs the code.
    case compute
    /// An orchestrator's control plane (Kubernetes, ECS, Nomad).
    case containerPlatform = "container-platform"
    /// Zones, data centres, power, racks.
    case site
    /// Terminals, clients, appliances in the field.
    case device
    /// None of the above: generic prompts.
    case other

    /// The kind a component of `layer` is taken for when it declares none.
    public static func inferred(fromLayer layer: String) -> ComponentKind {
        switch layer {
        case "software": return .application
        case "platform": return .compute
        case "physical": return .site
        case "network": return .network
        case "data": return .storage
        case "external": return .externalAPI
        default: return .other
        }
    }
}
