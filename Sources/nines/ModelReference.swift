import Foundation
import NinesKit

/// How a worksheet the CLI writes names its model in `model:`: relative to the worksheet's folder,
/// so the two files can move together. Both paths are resolved against the current folder, which
/// is why this lives in the executable and not in the library.
enum ModelReference {
    /// `file` relative to the folder of `other`.
    static func relativePath(to file: String, fromFolderOf other: String) -> String {
        let from = URL(fileURLWithPath: other).deletingLastPathComponent().standardized.pathComponents
        let to = URL(fileURLWithPath: file).standardized.pathComponents
        var common = 0
        while common < min(from.count, to.count) && from[common] == to[common] { common += 1 }
        return (Array(repeating: "..", count: from.count - common) + to[common...]).joined(separator: "/")
    }

    /// `relativePath`, refused when it climbs out of the worksheet's folder: the loader would not
    /// follow such a `model:` (docs/security.md), so nines does not write one.
    static func inside(to file: String, fromFolderOf worksheet: String) throws -> String {
        let path = relativePath(to: file, fromFolderOf: worksheet)
        if path == ".." || path.hasPrefix("../") {
            throw Diagnostic("the worksheet '\(worksheet)' would name its model '\(path)', outside the worksheet's folder, "
                             + "which nines does not follow; write the worksheet in the model's folder or a folder above it")
        }
        return path
    }
}
