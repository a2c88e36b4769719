import Testing
@testable import NinesKit

/// "Did you mean": typos within a third of the word (at least 1, at most 3 edits) get a suggestion;
/// swapping two neighbouring letters is one edit.
struct SuggestionTests {
    static let cases: [(String, [String], String?)] = [
        ("wbe", ["web", "db"], "web"),                       // swap: one edit
        ("replica", ["replicas", "needs"], "replicas"),     // insertion
        ("postgress", ["postgres", "redis"], "postgres"),
        ("sofware", Layer.builtIn, "software"),
        ("dbb", ["db", "web"], "db"),
        ("queue", ["web", "db"], nil),                      // nothing near
        ("ab", ["ba", "xy"], "ba"),
        ("Web", ["web"], "web"),                            // case is ignored
    ]

    @Test(arguments: cases)
    func nearestName(word: String, candidates: [String], expected: String?) {
        #expect(Suggestion.nearest(to: word, in: candidates) == expected)
    }

    @Test func tiesGoToTheFirstNameInOrder() {
        #expect(Suggestion.nearest(to: "dc", in: ["dd", "db"]) == "db")
        #expect(Suggestion.hint(for: "wbe", in: ["web"]) == "; did you mean 'web'?")
        #expect(Suggestion.hint(for: "zzz", in: ["web"]) == "")
    }

    @Test(arguments: [("abc", "abc", 0), ("abc", "acb", 1), ("abc", "", 3), ("kitten", "sitting", 3), ("ca", "abc", 3)])
    func editDistance(a: String, b: String, distance: Int) {
        #expect(Suggestion.editDistance(Array(a), Array(b)) == distance)
    }
}
