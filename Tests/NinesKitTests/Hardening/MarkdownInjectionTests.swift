import Foundation
import Testing
@testable import NinesKit

/// Model text in the Markdown that CI posts (job summary, PR comment, MR note) stays text: no
/// markup, link, image, HTML, `@mention` or cross-reference (issue 19, item 2). The expected
/// strings are written by hand from the CommonMark 0.31 spec (§2.4 backslash escapes: any ASCII
/// punctuation may be escaped; §6.5 autolinks `<…>`; §6.6 raw HTML) and the GFM spec (§6.9
/// extended autolinks `www.` and `scheme://`), and GitHub's and GitLab's reference syntax.
@Suite struct MarkdownInjectionTests {
    static let joiner = "\u{2060}"

    @Test func markupAndLinksAreEscaped() {
        #expect(MarkdownText.inline("[x](https://e.com)") == "\\[x\\](https\(Self.joiner)://e.com)")
        #expect(MarkdownText.inline("![i](u)") == "!\\[i\\](u)")
        #expect(MarkdownText.inline("<img src=x> <https://e.com>") == "&lt;img src=x&gt; &lt;https\(Self.joiner)://e.com&gt;")
        #expect(MarkdownText.inline("a*b*_c_`d`|e") == "a\\*b\\*\\_c\\_\\`d\\`\\|e")
        #expect(MarkdownText.inline("~~s~~") == "\\~\\~\(Self.joiner)s\\~\\~")
        #expect(MarkdownText.inline("WWW.evil.com") == "WWW\(Self.joiner).evil.com")
        #expect(MarkdownText.inline("back\\slash") == "back\\\\slash")
        #expect(MarkdownText.inline("line\nbreak\r\nend") == "line break end")
    }

    @Test func mentionsAndReferencesAreBroken() {
        #expect(MarkdownText.inline("@all @group/team a@b.com") == "@\(Self.joiner)all @\(Self.joiner)group/team a@\(Self.joiner)b.com")
        #expect(MarkdownText.inline("#12 !3 %m $s &e") == "#\(Self.joiner)12 !\(Self.joiner)3 %\(Self.joiner)m $\(Self.joiner)s &amp;\(Self.joiner)e")
        // nines' own figures keep their signs: a sigil before a blank, a bracket or the end is no reference.
        #expect(MarkdownText.inline("99.9% (80% used) & more!") == "99.9% (80% used) &amp; more!")
    }

    @Test func htmlBlocksGetEntitiesButNoBackslashes() {
        #expect(MarkdownText.html("<b>@x</b> [y]") == "&lt;b&gt;@\(Self.joiner)x&lt;/b&gt; [y]")
    }

    @Test func codeSpansFenceLongerThanAnyBacktickRun() {
        #expect(MarkdownText.code("a`b|c") == "``a`b\\|c``")
        #expect(MarkdownText.code("`x") == "`` `x ``")
        #expect(MarkdownText.code("plain") == "`plain`")
    }
}
