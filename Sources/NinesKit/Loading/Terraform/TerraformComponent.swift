/// What one Terraform resource becomes in the model: a catalogue figure, its kind and layer,
/// replicas (an auto-scaling group's minimum), data protection, and the attribute that decided it.
struct TerraformComponent {
    let resource: TerraformResource
    /// The catalogue entry ("aws/rds-multi-az").
    let catalogue: String
    let kind: String
    let layer: String
    /// Why this entry: "multi_az = true".
    let because: String
    var replicas: Int? = nil
    /// `data:` lines (without indentation), each with its comment.
    var data: [String] = []

    /// Nil for a resource type nines does not model.
    init?(_ resource: TerraformResource) {
        self.resource = resource
        switch resource.type {
        case "aws_db_instance":
            let multiAZ = resource.bool("multi_az") ?? false
            catalogue = multiAZ ? "aws/rds-multi-az" : "aws/rds-single-az"
            kind = "database"; layer = "data"; because = "multi_az = \(multiAZ)"
                + (resource.string("replicate_source_db").map { $0.isEmpty ? "" : "; a read replica of \($0)" } ?? "")
            data = Self.rdsData(resource, multiAZ: multiAZ)
        case "aws_rds_cluster":
            catalogue = "aws/aurora-multi-az"; kind = "database"; layer = "data"; because = "an Aurora cluster"
            data = Self.rdsData(resource, multiAZ: true)
        case "aws_lb", "aws_alb", "aws_elb":
            catalogue = "aws/elb"; kind = "load-balancer"; layer = "network"; because = resource.type
        case "aws_autoscaling_group":
            catalogue = "aws/ec2-instance"; kind = "compute"; layer = "platform"
            let minimum = Int(resource.number("min_size") ?? 1)
            replicas = max(1, minimum)
            because = "one instance; min_size = \(minimum)"
        case "aws_instance":
            catalogue = "aws/ec2-instance"; kind = "compute"; layer = "platform"; because = "one instance"
        case "aws_s3_bucket":
            catalogue = "aws/s3-standard"; kind = "object-store"; layer = "data"; because = "Standard storage class"
        case "aws_sqs_queue":
            catalogue = "aws/sqs"; kind = "queue"; layer = "data"; because = resource.type
        case "aws_route53_zone":
            catalogue = "aws/route53"; kind = "dns"; layer = "network"; because = resource.type
        case "aws_dynamodb_table":
            catalogue = "aws/dynamodb"; kind = "database"; layer = "data"; because = "a standard table"
        case "aws_elasticache_replication_group":
            catalogue = "aws/elasticache-multi-az"; kind = "cache"; layer = "data"
            because = "multi_az_enabled = \(resource.bool("multi_az_enabled") ?? false)"
        case "aws_eks_cluster":
            catalogue = "aws/eks"; kind = "container-platform"; layer = "platform"; because = resource.type
        case "google_sql_database_instance":
            let settings = resource.block("settings")
            let regional = settings?.string("availability_type") == "REGIONAL"
            let plus = settings?.string("edition") == "ENTERPRISE_PLUS"
            // Only high-availability instances are covered by the Cloud SQL SLA; a zonal one gets the HA
            // figure as an upper bound, said in its comment.
            catalogue = plus ? "gcp/cloud-sql-enterprise-plus-ha" : "gcp/cloud-sql-ha"
            kind = "database"; layer = "data"
            because = "availability_type = \(settings?.string("availability_type") ?? "ZONAL")"
                + (regional ? "" : " (not covered by the SLA: the HA figure is an upper bound)")
            if regional { data.append("replication: sync   # regional (HA): a standby in a second zone") }
            if settings?.block("backup_configuration")?.bool("point_in_time_recovery_enabled") == true {
                data.append("backup_every: 5m   # assumed: point-in-time recovery ships logs continuously")
            }
        case "google_compute_region_instance_group_manager":
            catalogue = "gcp/compute-multi-zone"; kind = "compute"; layer = "platform"; because = "a regional (multi-zone) group"
        case "google_compute_instance":
            catalogue = "gcp/compute-instance"; kind = "compute"; layer = "platform"; because = "one instance"
        case "google_storage_bucket":
            let location = resource.string("location")?.uppercased() ?? ""
            let multi = ["US", "EU", "ASIA"].contains(location) || !location.contains("-")
            catalogue = multi ? "gcp/storage-multi-region" : "gcp/storage-regional"
            kind = "object-store"; layer = "data"; because = "location = \(location)"
        case "google_pubsub_topic":
            catalogue = "gcp/pubsub"; kind = "queue"; layer = "data"; because = resource.type
        case "google_dns_managed_zone":
            catalogue = "gcp/cloud-dns"; kind = "dns"; layer = "network"; because = resource.type
        case "google_compute_global_forwarding_rule", "google_compute_forwarding_rule":
            catalogue = "gcp/load-balancing"; kind = "load-balancer"; layer = "network"; because = resource.type
        case "google_container_cluster":
            catalogue = "gcp/gke-regional"; kind = "container-platform"; layer = "platform"
            because = "location = \(resource.string("location") ?? "")"
        case "azurerm_mssql_database":
            let zoneRedundant = resource.bool("zone_redundant") ?? false
            catalogue = zoneRedundant ? "azure/sql-database-zone-redundant" : "azure/sql-database"
            kind = "database"; layer = "data"; because = "zone_redundant = \(zoneRedundant)"
        case "azurerm_lb":
            catalogue = "azure/load-balancer-standard"; kind = "load-balancer"; layer = "network"
            because = "sku = \(resource.string("sku") ?? "Standard")"
        case "azurerm_storage_account":
            catalogue = "azure/storage-lrs"; kind = "object-store"; layer = "data"
            because = "account_replication_type = \(resource.string("account_replication_type") ?? "LRS") (the LRS figure, the lowest)"
        case "azurerm_servicebus_namespace":
            catalogue = "azure/service-bus-premium"; kind = "queue"; layer = "data"; because = "sku = \(resource.string("sku") ?? "")"
        case "azurerm_dns_zone":
            catalogue = "azure/dns"; kind = "dns"; layer = "network"; because = resource.type
        case "azurerm_kubernetes_cluster":
            catalogue = "azure/aks-uptime-sla-zones"; kind = "container-platform"; layer = "platform"
            because = "sku_tier = \(resource.string("sku_tier") ?? "")"
        case "azurerm_linux_virtual_machine_scale_set", "azurerm_windows_virtual_machine_scale_set":
            let zones = resource.list("zones").count
            catalogue = zones > 1 ? "azure/vm-availability-zones" : "azure/vm-availability-set"
            kind = "compute"; layer = "platform"; because = "\(zones) zones"
        default:
            return nil
        }
    }

    /// RDS data protection: a Multi-AZ standby is written synchronously; automated backups
    /// (`backup_retention_period` > 0) ship transaction logs every 5 minutes (the latest
    /// restorable time, Amazon RDS User Guide, "Restoring a DB instance to a specified time").
    static func rdsData(_ resource: TerraformResource, multiAZ: Bool) -> [String] {
        var lines: [String] = []
        if multiAZ { lines.append("replication: sync   # Multi-AZ: a synchronous standby") }
        let retention = Int(resource.number("backup_retention_period") ?? 0)
        if retention > 0 { lines.append("backup_every: 5m   # automated backups kept \(retention) d: logs shipped every 5 min") }
        return lines
    }
}
