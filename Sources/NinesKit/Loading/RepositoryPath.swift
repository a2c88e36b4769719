import Foundation

/// A path a model names (`from:`), kept inside the repository the model lives in: a model from a
/// pull request must not make nines read files elsewhere on the runner. The repository is the
/// nearest folder above the model that holds `.git` (the model's own folder when there is none);
/// the path is relative to the model's folder, may climb with `..` but not out of the
/// repository, and may not pass through a symbolic link at all.
enum RepositoryPath {
    /// Why a path is refused, completing "'PATH' …".
    struct Refusal: Error {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }

    /// The real path of `reference` as named from `file`, or why it is refused.
    static func confined(_ reference: String, from file: String) -> Result<String, Refusal> {
        if reference.hasPrefix("/") || reference.hasPrefix("~") { return .failure(Refusal("is an absolute path")) }
        let parent = (file as NSString).deletingLastPathComponent
        guard let folder = ModelReferencePath.realPath(parent.isEmpty ? "." : parent) else { return .failure(Refusal("has no folder to start from")) }
        let root = repositoryRoot(above: folder)
        let lexical = normalized(folder + "/" + reference)
        guard lexical == root || lexical.hasPrefix(root == "/" ? "/" : root + "/") else {
            return .failure(Refusal("leads out of the repository"))
        }
        guard FileManager.default.fileExists(atPath: lexical) || isLink(lexical) else { return .failure(Refusal("does not exist")) }
        guard let real = ModelReferencePath.realPath(lexical), real == lexical else { return .failure(Refusal("goes through a symbolic link")) }
        return .success(real)
    }

    /// The nearest folder at or above `folder` with a `.git` entry (a folder, or a worktree's file).
    static func repositoryRoot(above folder: String) -> String {
        var candidate = folder
        while true {
            if FileManager.default.fileExists(atPath: candidate + "/.git") { return candidate }
            let up = (candidate as NSString).deletingLastPathComponent
            if up == candidate || up.isEmpty { return folder }
            candidate = up
        }
    }

    /// `/a/b/../c/./d` → `/a/c/d`, without asking the file system (so a link is not followed).
    static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            switch part {
            case ".", "": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    private static func isLink(_ path: String) -> Bool {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil
    }
}
