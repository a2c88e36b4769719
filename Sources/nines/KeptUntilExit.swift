/// A command's large results, never freed when the executable runs: the process exits right after
/// the output is written, and its pages go back to the system at once, where freeing them block by
/// block took a tenth of a second on a 100,000-component model (every component's record, figures
/// and dependencies, after the report was out). In-process callers (the tests) free them as usual.
enum KeptUntilExit {
    /// Set once by `NinesCommand.main()` before any command runs, read by the command's thread only.
    nonisolated(unsafe) private(set) static var processExitsAfterCommand = false

    static func enable() { processExitsAfterCommand = true }

    /// Keeps `values` alive to the end of the process when it exits after this command.
    static func keep(_ values: Any...) {
        guard processExitsAfterCommand else { return }
        _ = Unmanaged.passRetained(Kept(values))   // one retain nobody releases: the values outlive the command
    }

    private final class Kept {
        let values: [Any]
        init(_ values: [Any]) { self.values = values }
    }
}
