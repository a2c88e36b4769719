import ArgumentParser
import Foundation
import NinesKit

/// Writes generated manifests into a folder: the folder is made when missing (its parent must
/// exist), refused when it is a symbolic link or not a folder, and every file goes in through
/// `AtomicFile`, which replaces a link at the file's path instead of writing through it.
enum ManifestFolder {
    static func write(_ files: [ChaosManifestFile], into folder: String) throws {
        var status = stat()
        if lstat(folder, &status) != 0 {
            guard errno == ENOENT else { throw AtomicFile.WriteError(path: folder, reason: AtomicFile.sentence(errno)) }
            guard mkdir(folder, 0o777) == 0 else { throw AtomicFile.WriteError(path: folder, reason: AtomicFile.sentence(errno)) }
        } else if status.st_mode & S_IFMT == S_IFLNK {
            throw AtomicFile.WriteError(path: folder, reason: "it is a symbolic link; give the folder itself")
        } else if status.st_mode & S_IFMT != S_IFDIR {
            throw AtomicFile.WriteError(path: folder, reason: "it is not a folder")
        }
        for file in files {
            // The names are made from object names; a separator or leading dot would be a bug, not input.
            precondition(!file.name.contains("/") && !file.name.hasPrefix("."), "unsafe manifest file name \(file.name)")
            try AtomicFile.write(file.text, to: (folder as NSString).appendingPathComponent(file.name))
        }
    }
}
