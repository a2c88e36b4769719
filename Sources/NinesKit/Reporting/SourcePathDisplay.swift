/// How a page meant to be shared names the model files it was made from: never a path that shows
/// someone's home folder or the layout of their disk (`/home/alice/work/shop.yaml`).
///
/// A relative path that stays below the working folder is shown as given; an absolute one inside
/// the working folder, relative to it; anything else (elsewhere on the disk, `~/…`, a `..` that
/// climbs out) by its file name alone.
package enum SourcePathDisplay {
    /// - Parameter workingFolder: the absolute working folder, or nil when it is not known (then
    ///   an absolute path is shown by its file name).
    public static func shown(_ path: String, workingFolder: String?) -> String {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        let fileName = parts.last.map(String.init) ?? path
        if path.hasPrefix("/") {
            guard let folder = workingFolder?.split(separator: "/", omittingEmptySubsequences: true),
                  parts.count > folder.count, Array(parts.prefix(folder.count)) == folder,
                  !parts.contains("..") else { return fileName }
            return parts.dropFirst(folder.count).joined(separator: "/")
        }
        if path.hasPrefix("~") || parts.contains("..") { return fileName }
        return path
    }
}
