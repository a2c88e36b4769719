/// How much one component matters to one figure (an objective or the whole system).
///
/// With A the figure's availability and Q = 1 − A, for component i with own unavailability q_i:
/// - Birnbaum I_B = ∂A/∂p_i = Q(i down) − Q(i up)
/// - criticality = q_i · I_B: how much Q falls if i were perfect (exact: A is linear in p_i)
/// - criticality importance = criticality / Q: the share of Q that goes if i were perfect. Often
///   called Fussell–Vesely, which it is not when cut sets overlap: true Fussell–Vesely is
///   P(∪ cut sets containing i) / Q (`MinimalCutSets`, docs/cut-sets.md)
/// - risk achievement worth RAW = Q(i down) / Q; risk reduction worth RRW = Q / Q(i perfect)
public struct Importance: Hashable, Sendable, Codable {
    public let component: String
    public let layer: String
    public let birnbaum: Double
    public let criticality: Double
    public let criticalityImportance: Double
    public let achievementWorth: Double
    public let reductionWorth: Double

    public init(component: String, layer: String, birnbaum: Double, own: Probability, figure: Probability) {
        self.component = component
        self.layer = layer
        self.birnbaum = birnbaum
        criticality = own.down * birnbaum
        let q = figure.down
        criticalityImportance = q > 0 ? criticality / q : 0
        achievementWorth = q > 0 ? (q + own.up * birnbaum) / q : .infinity
        let perfect = q - criticality
        reductionWorth = perfect > 0 ? q / perfect : .infinity
    }

    /// Ranking: largest criticality first, then name, so the order is total and stable.
    public static func ranked(_ list: [Importance]) -> [Importance] {
        list.sorted { ($0.criticality, $1.component) > ($1.criticality, $0.component) }
    }
}
