import Foundation

/// The file a worksheet's `model:` names, kept inside the worksheet's folder tree: a worksheet from
/// a pull request must not make nines read (and quote) files elsewhere on the runner, such as
/// `../../../../etc/passwd` or a `.env` beside the checkout. Paths given on the command line are
/// not confined; only paths read from a file are.
enum ModelReferencePath {
    /// The model path for `reference`, relative to the worksheet `file`'s folder; refused when it is
    /// absolute, climbs out with `..`, or leaves the folder through a symbolic link.
    static func confined(_ reference: YAMLScalar, in file: String) throws(DiagnosticError) -> String {
        let refuse = { (why: String) in
            DiagnosticError([Diagnostic(at: reference.location, "'model:' must name a file inside the worksheet's folder; '\(reference.clipped)' \(why)",
                                        length: reference.text.count)])
        }
        if reference.text.hasPrefix("/") || reference.text.hasPrefix("~") { throw refuse("is an absolute path") }
        let relative = WorksheetLoader.normalized(reference.text)
        if relative == ".." || relative.hasPrefix("../") { throw refuse("leads out of it") }
        let path = WorksheetLoader.resolve(reference.text, relativeTo: file)
        let folder = (file as NSString).deletingLastPathComponent
        // After links: the real target must lie under the real folder (a missing target is reported
        // by the loader as "no such file").
        if let target = realPath(path), let root = realPath(folder.isEmpty ? "." : folder),
           !(target == root || target.hasPrefix(root.hasSuffix("/") ? root : root + "/")) {
            throw refuse("leads out of it through a symbolic link")
        }
        return path
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
