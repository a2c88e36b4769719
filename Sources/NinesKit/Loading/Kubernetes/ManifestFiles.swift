import Foundation

/// The manifest files named on the command line: a file as given, a directory walked for `.yaml`
/// and `.yml` files in name order. The walk never follows a symbolic link (to a file or a
/// directory), so it cannot leave the tree or loop, and stops at `maxDepth` levels and `maxFiles`
/// files: a hostile checkout cannot make it read elsewhere or forever.
package enum ManifestFiles {
    public static let maxDepth = 16
    public static let maxFiles = 2000

    public static func expand(_ paths: [String]) throws(DiagnosticError) -> [String] {
        var files: [String] = []
        var problems: [Diagnostic] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            if path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                walk(path, depth: 0, into: &files, problems: &problems)
            } else {
                files.append(path)   // read (or refused) by SourceFile, as any input
            }
        }
        if files.count > maxFiles {
            problems.append(Diagnostic("more than \(maxFiles) manifest files under \(paths.joined(separator: ", ")); name fewer directories"))
        }
        guard problems.isEmpty else { throw DiagnosticError(problems) }
        return files
    }

    /// The text of every file under `paths` (expanded as above, `-` standard input), each read
    /// within the input limit; every unreadable file reported at once.
    public static func read(_ paths: [String], options: LoadOptions) throws(DiagnosticError) -> [(file: String, text: String)] {
        var documents: [(file: String, text: String)] = []
        var problems: [Diagnostic] = []
        for file in try expand(paths) {
            switch SourceFile.read(file, options: options) {
            case .success(let text): documents.append((SourceFile.displayName(file), text))
            case .failure(let error): problems += error.diagnostics
            }
        }
        guard problems.isEmpty else { throw DiagnosticError(problems) }
        return documents
    }

    private static func walk(_ directory: String, depth: Int, into files: inout [String], problems: inout [Diagnostic]) {
        guard files.count <= maxFiles else { return }
        guard depth < maxDepth else {
            problems.append(Diagnostic("\(directory): deeper than \(maxDepth) directory levels; name the directory that holds the manifests"))
            return
        }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            problems.append(Diagnostic("\(directory): cannot list the directory"))
            return
        }
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = (directory as NSString).appendingPathComponent(name)
            // The entry itself, not what a link points at.
            guard let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType else { continue }
            switch type {
            case .typeDirectory: walk(path, depth: depth + 1, into: &files, problems: &problems)
            case .typeRegular where name.hasSuffix(".yaml") || name.hasSuffix(".yml"): files.append(path)
            default: continue   // links, devices, sockets, other files
            }
        }
    }
}
