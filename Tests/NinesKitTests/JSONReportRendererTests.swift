import Testing
@testable import NinesKit

/// The JSON format's few rules that the golden files do not show, and failures as errors.
@Suite("JSON report text")
struct JSONReportRendererTests {
    struct Sample: Encodable {
        let b: [Double] = [.infinity, -.infinity, 0.1 + 0.2, 720]
        let a: String = "path/with \"quotes\"\n"
        let empty: [Int] = []
    }

    @Test("sorted keys, named non-finite numbers, shortest numbers, unescaped slashes, final new line")
    func format() throws {
        #expect(try JSONReportRenderer.text(of: Sample()) == """
            {
              "a" : "path/with \\"quotes\\"\\n",
              "b" : [
                "Infinity",
                "-Infinity",
                0.30000000000000004,
                720
              ],
              "empty" : [

              ]
            }

            """)
    }

    /// Nested arrays `depth` deep.
    indirect enum Nested: Encodable {
        case leaf
        case array(Nested)

        func encode(to encoder: any Encoder) throws {
            var container = encoder.unkeyedContainer()
            if case .array(let inner) = self { try container.encode(inner) }
        }

        static func deep(_ depth: Int) -> Nested {
            (1..<depth).reduce(.leaf) { inner, _ in .array(inner) }
        }
    }

    @Test("a value the encoder refuses is an error, not '{}'")
    func failureIsAnError() {
        #expect(throws: (any Error).self) { try JSONReportRenderer.text(of: Nested.deep(600)) }
    }
}
