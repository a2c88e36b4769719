import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NinesKit

/// Asks one Prometheus server for instant queries over its HTTP API (`GET /api/v1/query`).
///
/// A plain HTTP/1.0 client over a socket rather than URLSession: it contacts only the host and
/// port of the URL the user gave (no redirect, no proxy from the environment), every step has a
/// deadline so nothing stalls, and the answer is capped in size. HTTP/1.0 makes the server send
/// the body whole and close, so there is no chunked encoding to decode.
struct PrometheusClient {
    let server: PrometheusServer
    /// Seconds allowed for one query, connection included.
    let timeout: Double
    /// Largest answer read: a scalar query answers in a few hundred bytes.
    static let maximumResponse = 4 << 20

    /// The body of `GET /api/v1/query?query=…&time=…`, with the HTTP status.
    func query(_ promql: String, at time: Double) throws(PrometheusFailure) -> (status: Int, body: String) {
        let target = server.basePath + "/api/v1/query?" + PrometheusServer.formEncoded([("query", promql), ("time", String(format: "%.3f", time))])
        let request = "GET \(target) HTTP/1.0\r\nHost: \(server.hostHeader)\r\nAccept: application/json\r\nUser-Agent: nines\r\n\r\n"
        let deadline = Date().addingTimeInterval(timeout)
        let socket = try openConnection(before: deadline)
        defer { close(socket) }
        try sendAll(Array(request.utf8), on: socket, before: deadline)
        return try PrometheusServer.parseResponse(receiveAll(on: socket, before: deadline), from: server.display)
    }

    private func openConnection(before deadline: Date) throws(PrometheusFailure) -> Int32 {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Self.streamSocket
        var found: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(server.host, String(server.port), &hints, &found) == 0, let first = found else {
            throw .unreachable("cannot resolve host '\(server.host)' of \(server.display)")
        }
        defer { freeaddrinfo(first) }
        var lastError = "no address"
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let address = entry {
            entry = address.pointee.ai_next
            let handle = socket(address.pointee.ai_family, address.pointee.ai_socktype, address.pointee.ai_protocol)
            if handle < 0 { continue }
            _ = fcntl(handle, F_SETFL, fcntl(handle, F_GETFL) | O_NONBLOCK)
            #if canImport(Darwin)
            var on: Int32 = 1   // no SIGPIPE when the server hangs up (Linux: MSG_NOSIGNAL on each send)
            setsockopt(handle, SOL_SOCKET, SO_NOSIGPIPE, &on, socklen_t(MemoryLayout<Int32>.size))
            #endif
            if connect(handle, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0 { return handle }
            if errno == EINPROGRESS, wait(for: Int16(POLLOUT), on: handle, before: deadline) {
                var code: Int32 = 0
                var length = socklen_t(MemoryLayout<Int32>.size)
                getsockopt(handle, SOL_SOCKET, SO_ERROR, &code, &length)
                if code == 0 { return handle }
                lastError = String(cString: strerror(code))
            } else {
                lastError = errno == EINPROGRESS ? "timed out after \(Self.seconds(timeout))" : String(cString: strerror(errno))
            }
            close(handle)
        }
        throw .unreachable("cannot connect to \(server.display): \(lastError)")
    }

    private func sendAll(_ bytes: [UInt8], on handle: Int32, before deadline: Date) throws(PrometheusFailure) {
        var sent = 0
        while sent < bytes.count {
            guard wait(for: Int16(POLLOUT), on: handle, before: deadline) else { throw timedOut() }
            let count = bytes[sent...].withUnsafeBytes { send(handle, $0.baseAddress, $0.count, Self.noSignal) }
            if count < 0 {
                if errno == EAGAIN || errno == EINTR { continue }
                throw .unreachable("lost the connection to \(server.display): \(String(cString: strerror(errno)))")
            }
            sent += count
        }
    }

    private func receiveAll(on handle: Int32, before deadline: Date) throws(PrometheusFailure) -> [UInt8] {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            guard wait(for: Int16(POLLIN), on: handle, before: deadline) else { throw timedOut() }
            let count = buffer.withUnsafeMutableBytes { recv(handle, $0.baseAddress, $0.count, 0) }
            if count == 0 { return received }
            if count < 0 {
                if errno == EAGAIN || errno == EINTR { continue }
                throw .unreachable("lost the connection to \(server.display): \(String(cString: strerror(errno)))")
            }
            received.append(contentsOf: buffer[..<count])
            if received.count > Self.maximumResponse {
                throw .badAnswer("\(server.display) answered with more than \(Self.maximumResponse >> 20) MB; a scalar query needs a few hundred bytes")
            }
        }
    }

    /// Waits until the socket is ready for `events` or the deadline passes (false).
    private func wait(for events: Int16, on handle: Int32, before deadline: Date) -> Bool {
        while true {
            let left = deadline.timeIntervalSinceNow
            if left <= 0 { return false }
            var entry = pollfd(fd: handle, events: events, revents: 0)
            let ready = poll(&entry, 1, Int32(min(left * 1000, Double(Int32.max)).rounded(.up)))
            if ready > 0 { return true }
            if ready < 0 && errno != EINTR { return false }
        }
    }

    private func timedOut() -> PrometheusFailure {
        .unreachable("\(server.display) did not answer within \(Self.seconds(timeout)) (--timeout)")
    }

    #if os(Linux)
    private static let streamSocket = Int32(SOCK_STREAM.rawValue)
    /// A server that hangs up mid-request gives an error, not a SIGPIPE that ends the process.
    private static let noSignal = Int32(MSG_NOSIGNAL)
    #else
    private static let streamSocket = SOCK_STREAM
    private static let noSignal: Int32 = 0
    #endif

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}
