import Testing
@testable import NinesKit

/// The pieces of `nines observe` that need no server: reading Prometheus's answers
/// (https://prometheus.io/docs/prometheus/latest/querying/api/#expression-query-result-formats),
/// the `--prometheus` address, and the error-budget arithmetic against hand computations.
@Suite struct ObservationTests {
    static func value(_ body: String, status: Int = 200) -> Result<Double, PrometheusFailure> {
        Result { () throws(PrometheusFailure) in try PrometheusAnswer.value(status: status, body: body, query: "q", server: "http://s:9090") }
    }

    @Test func readsOneSampleOrSaysWhyNot() {
        #expect(Self.value(#"{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1793577600,"1439000"]}]}}"#)
                == .success(1_439_000))
        #expect(Self.value(#"{"status":"success","data":{"resultType":"scalar","result":[1793577600,"0.5"]}}"#) == .success(0.5))
        guard case .failure(.empty) = Self.value(#"{"status":"success","data":{"resultType":"vector","result":[]}}"#) else {
            Issue.record("an empty vector is no data"); return
        }
        guard case .failure(.empty) = Self.value(#"{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"NaN"]}]}}"#) else {
            Issue.record("NaN is no data"); return
        }
        #expect(Self.value(#"{"status":"error","errorType":"bad_data","error":"parse error"}"#, status: 400)
                == .failure(.badQuery("Prometheus refused 'q': bad_data: parse error")))
        guard case .failure(.badQuery(let text)) = Self.value(
            #"{"status":"success","data":{"resultType":"vector","result":[{"metric":{"a":"1"},"value":[1,"1"]},{"metric":{"a":"2"},"value":[1,"0"]}]}}"#) else {
            Issue.record("two series are refused"); return
        }
        #expect(text.contains("returns 2 series"))
        guard case .failure(.badAnswer) = Self.value("<html>404 page not found</html>", status: 404) else {
            Issue.record("a page that is not the API's JSON"); return
        }
    }

    @Test func acceptsOnlyAPlainHTTPAddress() throws {
        let server = try PrometheusServer.parse("http://127.0.0.1:9090/prometheus/").get()
        #expect(server.host == "127.0.0.1" && server.port == 9090 && server.basePath == "/prometheus")
        #expect(server.display == "http://127.0.0.1:9090/prometheus")
        #expect(try PrometheusServer.parse("http://[::1]:9090").get().hostHeader == "[::1]:9090")
        #expect(try PrometheusServer.parse("http://prometheus.internal").get().port == 80)
        for refused in ["https://prometheus.example", "http://user:secret@host:9090", "http://host:9090/?x=1", "prometheus:9090", "", "file:///etc/passwd"] {
            guard case .failure(.badServer) = PrometheusServer.parse(refused) else { Issue.record("accepted '\(refused)'"); continue }
        }
        #expect(PrometheusServer.formEncoded([("query", "sum(x{a=\"b c\"}[5m])"), ("time", "1.5")])
                == "query=sum%28x%7Ba%3D%22b%20c%22%7D%5B5m%5D%29&time=1.5")
    }

    @Test func parsesTheHTTPStatusLine() throws {
        let answer = try PrometheusServer.parseResponse(Array("HTTP/1.0 400 Bad Request\r\nContent-Type: application/json\r\n\r\n{}".utf8), from: "s")
        #expect(answer.status == 400 && answer.body == "{}")
        #expect(throws: PrometheusFailure.self) { try PrometheusServer.parseResponse(Array("SSH-2.0-OpenSSH\r\n".utf8), from: "s") }
    }

    /// Request counts: 999,000 good of 1,000,000 over 30 days is A = 99.9 % exactly; the
    /// unavailability is taken from the 1000 bad ones, not 1 − 0.999.
    @Test func requestCountsGiveTheUnavailabilityFromTheBadOnes() throws {
        let measured = try SLIMeasurement.ratio(good: 999_000, total: 1_000_000, windowHours: 720, queries: ["g", "t"]).get()
        #expect(measured.availability.down == 1000.0 / 1_000_000)
        #expect(measured.downtimeHours == 0.72)
        guard case .failure(.empty) = SLIMeasurement.ratio(good: 0, total: 0, windowHours: 720, queries: ["g", "t"]) else {
            Issue.record("no events is no data"); return
        }
        guard case .failure(.badQuery) = SLIMeasurement.ratio(good: 11, total: 10, windowHours: 720, queries: ["g", "t"]) else {
            Issue.record("more good than total"); return
        }
        guard case .failure(.badQuery) = SLIMeasurement.up(mean: 1.5, windowHours: 720, queries: ["u"]) else {
            Issue.record("an up mean over 1"); return
        }
    }

    /// A 30-day period with a 99.9 % target has a 43.2 min budget. Ten days measured at 99.95 %
    /// spent 0.05 % × 240 h = 7.2 min, leaving 36 min (5/6 of it); a model at 99.9 % predicts
    /// 0.1 % × 480 h = 28.8 min for the other twenty days: within the 36 min, so the gate holds,
    /// unless the freeze threshold is above 5/6.
    @Test func budgetLeftByHand() throws {
        let objective = Objective(name: "api", measure: .availability, components: ["api"], target: Probability(availability: 0.999))
        let measured = try SLIMeasurement.up(mean: 0.9995, windowHours: 240, queries: ["u"]).get()
        let observed = ObservedObjective(objective: objective, periodHours: 720, measurement: measured, predicted: Probability(unavailability: 0.001))
        #expect(abs(try #require(observed.budgetHours) - 0.72) < 1e-15)
        #expect(abs(observed.spentHours - 0.12) < 1e-12)
        #expect(abs(try #require(observed.leftHours) - 0.6) < 1e-12)
        #expect(abs(try #require(observed.leftShare) - 5.0 / 6) < 1e-12)
        #expect(observed.remainingHours == 480)
        #expect(abs(observed.predictedRestHours - 0.48) < 1e-12)
        #expect(observed.budgetHolds(freezeBelow: 0) == true)
        #expect(observed.budgetHolds(freezeBelow: 0.8) == true)
        #expect(observed.budgetHolds(freezeBelow: 0.85) == false)
        // At 99.85 % the rest is predicted 0.15 % × 480 h = 43.2 min, more than the 36 min left.
        let worse = ObservedObjective(objective: objective, periodHours: 720, measurement: measured, predicted: Probability(unavailability: 0.0015))
        #expect(worse.budgetHolds(freezeBelow: 0) == false)
        let results = BudgetLeftCheckResults.results([observed, worse], freezeBelow: 0)
        #expect(results.map(\.status) == [.pass, .fail])
        #expect(results[1].message == "api: 83.3% of the error budget left after 10 d measured at 99.9500%; "
                + "the model predicts 43.2 min over the remaining 20 d, more than the 36 min left")
    }
}
