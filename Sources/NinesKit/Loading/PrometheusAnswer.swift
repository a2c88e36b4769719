import Foundation

/// Reads the JSON Prometheus answers an instant query with (`/api/v1/query`): one number, or
/// the failure worded for the user. See https://prometheus.io/docs/prometheus/latest/querying/api/.
package enum PrometheusAnswer {
    private struct Envelope: Decodable {
        struct Data: Decodable {
            let resultType: String
            let result: Result
        }
        enum Result: Decodable {
            case vector([Sample])
            case scalar([Value])
            init(from decoder: Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let samples = try? container.decode([Sample].self) { self = .vector(samples) } else { self = .scalar(try container.decode([Value].self)) }
            }
        }
        struct Sample: Decodable { let value: [Value] }
        /// `[1700000000.0, "0.999"]`: a timestamp, then the value as text.
        enum Value: Decodable {
            case number(Double), text(String)
            init(from decoder: Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let number = try? container.decode(Double.self) { self = .number(number) } else { self = .text(try container.decode(String.self)) }
            }
        }
        let status: String
        let data: Data?
        let errorType: String?
        let error: String?
    }

    /// The single value `query` returned, or why there is none.
    public static func value(status: Int, body: String, query: String, server: String) throws(PrometheusFailure) -> Double {
        guard let envelope = try? JSONDecoder().decode(Envelope.self, from: Data(body.utf8)) else {
            throw .badAnswer("\(server) answered HTTP \(status) without the Prometheus API's JSON (is it a Prometheus server, and the URL its root?)")
        }
        guard envelope.status == "success", let data = envelope.data else {
            let why = [envelope.errorType, envelope.error].compactMap { $0 }.joined(separator: ": ")
            throw .badQuery("Prometheus refused '\(query)': \(why.isEmpty ? "HTTP \(status)" : why)")
        }
        let values: [[Envelope.Value]]
        switch data.result {
        case .vector(let samples): values = samples.map(\.value)
        case .scalar(let value): values = [value]
        }
        guard values.count <= 1 else {
            throw .badQuery("'\(query)' returns \(values.count) series; aggregate the expression to one (e.g. min(...) or sum(...))")
        }
        guard let value = values.first, value.count == 2, case .text(let text) = value[1], let number = Double(text) else {
            throw .empty("'\(query)' returned no data over the period: check the metric names and labels, and that Prometheus holds data for the period")
        }
        guard number.isFinite else {
            throw .empty("'\(query)' returned \(text) over the period: no data to measure")
        }
        return number
    }
}
