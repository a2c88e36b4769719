import Foundation
import NinesKit

/// stdout or stderr, written with `write(2)` so that a failure is seen (FileHandle's `write` traps
/// on one, and `print` drops it): a full disk or a closed terminal (`nines report m >/dev/full`)
/// ends nines with one sentence on stderr and exit 2, since output that was asked for is missing;
/// a reader that stopped reading (`nines report m | head -1`, EPIPE) ends it quietly, as SIGPIPE
/// would have, whether or not the parent ignored that signal.
struct StandardStream {
    static let output = StandardStream(descriptor: STDOUT_FILENO, name: "standard output")
    static let error = StandardStream(descriptor: STDERR_FILENO, name: "standard error")

    let descriptor: Int32
    let name: String

    func write(_ text: String) {
        var text = text
        text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }

    func write(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, base + offset, bytes.count - offset)
            if written >= 0 {
                offset += written
            } else if errno != EINTR {
                fail(errno)
            }
        }
    }

    /// Never returns: stops like SIGPIPE on a closed pipe, else says why and exits 2.
    private func fail(_ code: Int32) -> Never {
        if code == EPIPE {
            signal(SIGPIPE, SIG_DFL)
            raise(SIGPIPE)
        }
        // On stderr even when stderr is what failed: it may still take one line, and the exit
        // status says it either way.
        let sentence = "nines: cannot write to \(name): \(AtomicFile.sentence(code))\n"
        _ = sentence.withCString { Foundation.write(STDERR_FILENO, $0, strlen($0)) }
        Foundation.exit(ExitStatus.invalidInput)
    }
}
