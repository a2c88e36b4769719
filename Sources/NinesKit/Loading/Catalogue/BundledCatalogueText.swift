// Generated from catalogue/*.yaml by `NINES_RECORD=1 swift test --filter CatalogueTests`; do not edit.
/// The files of `catalogue/`, built into nines so that a model names an entry wherever nines runs
/// (one static binary, no resource bundle). CatalogueTests fails when they differ from `catalogue/`.
enum BundledCatalogueText {
    static let files: [(name: String, text: String)] = [
        ("catalogue/aws.yaml", #"""
# Published availability commitments of Amazon Web Services (monthly uptime percentages of the
# service level agreements). `date` is the SLA version's "last updated" date where the page gives
# one, else the day the figure was recorded here. An SLA is a promise with service credits, not
# a measurement: see docs/catalogue.md.
provider: aws
services:
  rds-multi-az:
    description: Amazon RDS Multi-AZ DB instance or Multi-AZ DB cluster
    availability: 99.95%
    source: https://aws.amazon.com/rds/sla/
    date: 2024-01-22
  rds-single-az:
    description: Amazon RDS Single-DB instance
    availability: 99.5%
    source: https://aws.amazon.com/rds/sla/
    date: 2024-01-22
  aurora-multi-az:
    description: Amazon Aurora Multi-AZ DB cluster
    availability: 99.99%
    source: https://aws.amazon.com/rds/aurora/sla/
    date: 2026-12-06
  ec2-region:
    description: Amazon EC2 instances deployed across two or more Availability Zones of a region
    availability: 99.99%
    source: https://aws.amazon.com/compute/sla/
    date: 2026-12-06
  ec2-instance:
    description: one Amazon EC2 instance
    availability: 99.5%
    source: https://aws.amazon.com/compute/sla/
    date: 2026-12-06
  elb:
    description: Elastic Load Balancing (Application, Network, Gateway and Classic Load Balancers)
    availability: 99.99%
    source: https://aws.amazon.com/elasticloadbalancing/sla/
    date: 2026-12-06
  s3-standard:
    description: Amazon S3 Standard storage class
    availability: 99.9%
    source: https://aws.amazon.com/s3/sla/
    date: 2026-12-06
  sqs:
    description: Amazon Simple Queue Service
    availability: 99.9%
    source: https://aws.amazon.com/messaging/sla/
    date: 2026-12-06
  route53:
    description: Amazon Route 53 DNS query answering
    availability: 100%
    source: https://aws.amazon.com/route53/sla/
    date: 2026-12-06
  dynamodb:
    description: Amazon DynamoDB standard table
    availability: 99.99%
    source: https://aws.amazon.com/dynamodb/sla/
    date: 2026-12-06
  elasticache-multi-az:
    description: Amazon ElastiCache Multi-AZ replication group
    availability: 99.99%
    source: https://aws.amazon.com/elasticache/sla/
    date: 2026-12-06
  eks:
    description: Amazon EKS cluster control plane
    availability: 99.95%
    source: https://aws.amazon.com/eks/sla/
    date: 2026-12-06

"""#),
        ("catalogue/azure.yaml", #"""
# Published availability commitments of Microsoft Azure (the Service Level Agreements for Online
# Services). `date` is the day the figure was recorded here. See docs/catalogue.md.
provider: azure
services:
  sql-database-zone-redundant:
    description: Azure SQL Database, Business Critical or Premium tier, zone redundant
    availability: 99.995%
    source: https://www.microsoft.com/licensing/docs/view/Service-Level-Agreements-SLA-for-Online-Services
    date: 2026-12-06
  sql-database:
    description: Azure SQL Database, General Purpose or Business Critical tier
    availability: 99.99%
    source: https://www.microsoft.com/licensing/docs/view/Service-Level-Agreements-SLA-for-Online-Services
    date: 2026-12-06
  vm-availability-zones:
    description: Virtual Machines in two or more availability zones of a region
    availability: 99.99%
    source: https://www.microsoft.com/licensing/docs/view/Service-Level-Agreements-SLA-for-Online-Services
    date: 2026-12-06
  vm-availability-set:
    description: Virtual Machines in one availability set
    availability: 99.95%
    source: https://www.microsoft.com/licensing/docs/view/Service-Level-Agreements-SLA-for-Online-Services
    date: 2026-12-06
  load-balancer-standard:
    description: Azure Load Balancer, Standard tier
    availability: 99.99%
    source: https://www.microsoft.com/licensing/docs/view/Service-Level-Agreements-SLA-for-Online-Services
    date: 2026-12-06
  storage-lrs:
    description: Azure Storage, locally redundant (LRS), hot tier, writes and reads
    availability: 99.9%
    source: https://www.microsoft.com/licensing/docs/view/Service-Level-Agreements-SLA-for-Online-Services
    date: 2026-12-06
  service-bus-premium:
    description: Azure Service Bus, Premium tier
    availability: 99.95%
    source: https://www.microsoft.com/licensing/docs/view/Service-Level-Agreements-SLA-for-Online-Services
    date: 2026-12-06
  dns:
    description: Azure DNS query answering
    availability: 100%
    source: https://www.microsoft.com/licensing/docs/view/Service-Level-Agreements-SLA-for-Online-Services
    date: 2026-12-06
  aks-uptime-sla-zones:
    description: AKS cluster API server with the Standard tier (uptime SLA), availability zones
    availability: 99.95%
    source: https://www.microsoft.com/licensing/docs/view/Service-Level-Agreements-SLA-for-Online-Services
    date: 2026-12-06

"""#),
        ("catalogue/gcp.yaml", #"""
# Published availability commitments of Google Cloud (monthly uptime percentages of the service
# level agreements). `date` is the SLA version's "last modified" date where the page gives one,
# else the day the figure was recorded here. See docs/catalogue.md.
provider: gcp
services:
  cloud-sql-ha:
    description: Cloud SQL Enterprise edition with high availability (regional)
    availability: 99.95%
    source: https://cloud.google.com/sql/sla
    date: 2026-12-06
  cloud-sql-enterprise-plus-ha:
    description: Cloud SQL Enterprise Plus edition with high availability (regional)
    availability: 99.99%
    source: https://cloud.google.com/sql/sla
    date: 2026-12-06
  compute-multi-zone:
    description: Compute Engine instances in multiple zones
    availability: 99.99%
    source: https://cloud.google.com/compute/sla
    date: 2026-12-06
  compute-instance:
    description: one Compute Engine instance
    availability: 99.9%
    source: https://cloud.google.com/compute/sla
    date: 2026-12-06
  load-balancing:
    description: Cloud Load Balancing
    availability: 99.99%
    source: https://cloud.google.com/load-balancing/sla
    date: 2026-12-06
  storage-multi-region:
    description: Cloud Storage Standard class, multi-region or dual-region bucket
    availability: 99.95%
    source: https://cloud.google.com/storage/sla
    date: 2026-12-06
  storage-regional:
    description: Cloud Storage Standard class, regional bucket
    availability: 99.9%
    source: https://cloud.google.com/storage/sla
    date: 2026-12-06
  pubsub:
    description: Pub/Sub
    availability: 99.95%
    source: https://cloud.google.com/pubsub/sla
    date: 2026-12-06
  cloud-dns:
    description: Cloud DNS query answering
    availability: 100%
    source: https://cloud.google.com/dns/sla
    date: 2026-12-06
  gke-regional:
    description: GKE regional cluster control plane
    availability: 99.95%
    source: https://cloud.google.com/kubernetes-engine/sla
    date: 2026-12-06

"""#),
    ]
}
