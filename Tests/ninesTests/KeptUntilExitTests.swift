import Testing
@testable import nines

/// The executable keeps a command's results to its exit (`NinesCommand.main()` enables it); a
/// command run in-process, as the tests and any embedding caller do, must still free them.
@Suite("KeptUntilExit")
struct KeptUntilExitTests {
    final class Probe {}

    @Test func inProcessCommandsStillFreeWhatTheyKeep() {
        weak var released: Probe?
        do {
            let probe = Probe()
            released = probe
            KeptUntilExit.keep(probe, [probe])
        }
        #expect(!KeptUntilExit.processExitsAfterCommand)
        #expect(released == nil)
    }
}
