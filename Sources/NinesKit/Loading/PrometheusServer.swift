import Foundation

/// The Prometheus server the user named with `--prometheus`: where to connect and how to word it.
/// Plain `http://` only: nines speaks HTTP/1.0 itself (the executable's `PrometheusClient`), so
/// an `https://` server is reached through a local tunnel or proxy the user starts.
package struct PrometheusServer: Hashable, Sendable {
    public let host: String
    public let port: Int
    /// Path prefix of the API (a server behind a reverse proxy at `/prometheus`), no trailing '/'.
    public let basePath: String

    /// Reads `http://host[:port][/path]`; the reason when it is not one.
    public static func parse(_ text: String) -> Result<PrometheusServer, PrometheusFailure> {
        let refuse = { (why: String) in Result<PrometheusServer, PrometheusFailure>.failure(.badServer("--prometheus \(why), found '\(text)'")) }
        guard let url = URLComponents(string: text), let scheme = url.scheme?.lowercased() else {
            return refuse("must be a URL such as 'http://127.0.0.1:9090'")
        }
        guard scheme == "http" else {
            return refuse("must be an http:// URL (nines does not speak TLS; reach an https server through a local tunnel)")
        }
        guard var host = url.host, !host.isEmpty else { return refuse("names no host") }
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }   // an IPv6 literal
        guard url.user == nil, url.password == nil, url.query == nil, url.fragment == nil else {
            return refuse("must be the server's address alone, without credentials, query or fragment")
        }
        let port = url.port ?? 80
        guard (1...65535).contains(port) else { return refuse("has no valid port") }
        var path = url.percentEncodedPath
        while path.hasSuffix("/") { path.removeLast() }
        guard path.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return refuse("has spaces or control characters in its path") }
        return .success(PrometheusServer(host: host, port: port, basePath: path))
    }

    /// The `Host:` header: the host, bracketed when it is an IPv6 address, and the port.
    public var hostHeader: String { (host.contains(":") ? "[\(host)]" : host) + ":\(port)" }

    /// How messages name the server: "http://127.0.0.1:9090".
    public var display: String { "http://\(hostHeader)\(basePath)" }

    /// `application/x-www-form-urlencoded` pairs, as a query string.
    public static func formEncoded(_ pairs: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))
        allowed.insert(charactersIn: "-._~")
        return pairs.map { key, value in
            "\(key)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
        }.joined(separator: "&")
    }

    /// Splits an HTTP/1.x answer into its status code and body.
    public static func parseResponse(_ bytes: [UInt8], from server: String) throws(PrometheusFailure) -> (status: Int, body: String) {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        guard let end = bytes.indices.first(where: { bytes[$0...].starts(with: separator) }) else {
            throw .badAnswer("\(server) did not answer in HTTP (is it a Prometheus server?)")
        }
        let head = String(decoding: bytes[..<end], as: UTF8.self)
        let statusLine = head.split(separator: "\r\n", maxSplits: 1).first.map(String.init) ?? ""
        let parts = statusLine.split(separator: " ")
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), let status = Int(parts[1]) else {
            throw .badAnswer("\(server) did not answer in HTTP (is it a Prometheus server?)")
        }
        return (status, String(decoding: bytes[(end + separator.count)...], as: UTF8.self))
    }
}
