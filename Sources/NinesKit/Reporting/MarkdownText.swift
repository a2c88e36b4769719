/// Text from a model (system, component and objective names, descriptions, file names) made inert
/// for Markdown that GitHub or GitLab renders: a pull-request comment, a job summary, an MR note.
/// The model may come from an untrusted pull request (docs/security.md), so its text must not
/// become markup, a link, an image, HTML, an `@mention` or a cross-reference that notifies people.
///
/// - Markup and links: the characters that open emphasis, code, links and images
///   (`\ * _ ` [ ] ~ |`) are backslash-escaped (CommonMark shows them as written); `< > &` are
///   HTML entities, so no tag or autolink `<https://…>` forms.
/// - What the platforms link by themselves in plain text (GFM's `www.` and `scheme://`
///   autolinks, GitHub's and GitLab's `@user`, `#12`, GitLab's `!12`, `~label`, `%milestone`,
///   `$snippet`, `&epic`) is broken with an invisible U+2060 WORD JOINER after the sigil (or
///   before `://` and `.` of `www.`): the text reads the same, but no pattern matches it.
package enum MarkdownText {
    static let joiner: Character = "\u{2060}"
    static let escapedByBackslash: Set<Character> = ["\\", "`", "*", "_", "[", "]", "~", "|"]
    static let referenceSigils: Set<Character> = ["@", "#", "!", "~", "%", "$", "&"]

    /// `text` for running Markdown (a table cell, a list item, a heading): no markup, link or
    /// reference; line breaks as spaces.
    package static func inline(_ text: String) -> String { inert(text, backslashes: true) }

    /// `text` inside an HTML block (`<details><summary>…`), where backslashes are not read:
    /// entities for `< > &`, references and autolinks broken, line breaks as spaces.
    package static func html(_ text: String) -> String { inert(text, backslashes: false) }

    static func inert(_ text: String, backslashes: Bool) -> String {
        var result = ""
        for character in unlinked(text) {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\n", "\r", "\r\n": result += " "
            default:
                if backslashes, escapedByBackslash.contains(character) { result += "\\" }
                result.append(character)
            }
        }
        return result
    }

    /// `text` as a code span, shown literally: the fence is one backtick longer than the longest
    /// run inside, and `|` is escaped for a table cell (GFM reads the cell's borders first).
    package static func code(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "|", with: "\\|")
        var longest = 0, run = 0
        for character in flat {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let padding = flat.hasPrefix("`") || flat.hasSuffix("`") ? " " : ""
        return fence + padding + flat + padding + fence
    }

    /// `text` with a word joiner where a platform would otherwise start a link or reference.
    static func unlinked(_ text: String) -> String {
        let characters = Array(text)
        var result = ""
        for (index, character) in characters.enumerated() {
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            if character == ":", characters[(index + 1)...].starts(with: ["/", "/"]) {
                result.append(joiner)
            }
            if character == ".", index >= 3, characters[(index - 3)..<index].map({ $0.lowercased() }).joined() == "www" {
                result.append(joiner)
            }
            result.append(character)
            if referenceSigils.contains(character), let next, next.isLetter || next.isNumber || "\"_/(".contains(next) {
                result.append(joiner)
            }
        }
        return result
    }
}
