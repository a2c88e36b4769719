/// Why a measurement from Prometheus could not be taken. Each is an input error (exit 2): the
/// server, the query or the data is not what the objective's `sli:` needs.
package enum PrometheusFailure: Error, Hashable, Sendable {
    /// `--prometheus` is not a usable address.
    case badServer(String)
    /// No connection, a lost one, or no answer in time.
    case unreachable(String)
    /// An answer that is not the Prometheus API's JSON.
    case badAnswer(String)
    /// Prometheus refused or failed the query (its `errorType` and `error`).
    case badQuery(String)
    /// The query matched no series over the period.
    case empty(String)

    public var message: String {
        switch self {
        case .badServer(let text), .unreachable(let text), .badAnswer(let text), .badQuery(let text), .empty(let text): text
        }
    }
}
