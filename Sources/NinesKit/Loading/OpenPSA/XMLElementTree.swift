import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One XML element as read: its name, attributes, children and where its start tag begins.
struct XMLElementNode {
    let name: String
    let attributes: [String: String]
    let location: ModelLocation
    var children: [XMLElementNode] = []
}

/// Reads an XML file into `XMLElementNode`s with Foundation's XMLParser, bounded for untrusted
/// input: the text was read under the size limit already; a document type declaration (the only
/// way to declare entities, so entity expansion and external entities) is refused before parsing;
/// nesting deeper than `maximumDepth` stops the parser.
enum XMLElementTree {
    /// Deeper than any formula a fault tree needs (gates refer to each other by name, so a tall
    /// tree is not a deep document), and shallow enough that nothing built from it recurses far.
    static let maximumDepth = 64

    static func parse(_ text: String, file: String) -> Result<XMLElementNode, DiagnosticError> {
        let source = SourceText(text, file: file)
        if let offset = firstDocumentType(in: source.bytes) {
            let (line, column) = source.position(ofByte: offset)
            return .failure(DiagnosticError([Diagnostic(at: ModelLocation(file: file, line: line, column: column),
                                                        "document type declarations are not accepted (they can declare entities); an Open-PSA file needs none",
                                                        length: 9)], sources: [file: source]))
        }
        let reader = Reader(source: source)
        let parser = XMLParser(data: Data(text.utf8))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.delegate = reader
        let parsed = parser.parse()
        if let problem = reader.problem {
            return .failure(DiagnosticError([problem], sources: [file: source]))
        }
        guard parsed, let root = reader.root else {
            let location = ModelLocation(file: file, line: max(1, parser.lineNumber), column: max(1, parser.columnNumber))
            let reason = parser.parserError.map { describe($0) } ?? "the file is not well-formed XML"
            return .failure(DiagnosticError([Diagnostic(at: location, reason)], sources: [file: source]))
        }
        return .success(root)
    }

    /// The byte offset of `<!DOCTYPE` (any case), if the text has one.
    static func firstDocumentType(in bytes: [UInt8]) -> Int? {
        let pattern = Array("<!doctype".utf8)
        guard bytes.count >= pattern.count else { return nil }
        outer: for start in 0...(bytes.count - pattern.count) where bytes[start] == UInt8(ascii: "<") {
            for (index, expected) in pattern.enumerated() where bytes[start + index] | (index >= 2 ? 0x20 : 0) != expected {
                continue outer
            }
            return start
        }
        return nil
    }

    private static func describe(_ error: Error) -> String {
        let text = (error as NSError).localizedDescription
        return "the file is not well-formed XML (\(text.isEmpty ? "parser error" : text))"
    }

    /// Builds the tree; records the first problem and stops the parser on it.
    private final class Reader: NSObject, XMLParserDelegate {
        let source: SourceText
        var stack: [XMLElementNode] = []
        var root: XMLElementNode?
        var problem: Diagnostic?

        init(source: SourceText) { self.source = source }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            let location = startTag(elementName, parser: parser)
            guard stack.count < XMLElementTree.maximumDepth else {
                problem = Diagnostic(at: location, "elements nest deeper than \(XMLElementTree.maximumDepth) levels", length: elementName.count + 1)
                parser.abortParsing()
                return
            }
            stack.append(XMLElementNode(name: elementName, attributes: attributes, location: location))
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            guard let element = stack.popLast() else { return }
            if stack.isEmpty { root = element } else { stack[stack.count - 1].children.append(element) }
        }

        /// Where the start tag of `name` begins: XMLParser reports the position after the tag, so
        /// look back from there for `<name`.
        func startTag(_ name: String, parser: XMLParser) -> ModelLocation {
            let line = min(max(1, parser.lineNumber), source.lineStarts.count)
            let reported = min(source.bytes.count, source.lineStarts[line - 1] + max(0, parser.columnNumber - 1))
            let needle = [UInt8(ascii: "<")] + Array(name.utf8)
            var start = min(reported, source.bytes.count - needle.count)
            while start >= 0 {
                if source.bytes[start] == needle[0], source.bytes[start..<(start + needle.count)].elementsEqual(needle) { break }
                start -= 1
            }
            let (foundLine, column) = source.position(ofByte: max(0, start))
            return ModelLocation(file: source.file, line: foundLine, column: column)
        }
    }
}
