import Foundation

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
}
