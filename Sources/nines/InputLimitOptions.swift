import ArgumentParser
import NinesKit

/// `--max-input-size`: every command that reads files takes it, because the error for a file over
/// the limit tells the user to raise it with this option.
struct InputLimitOptions: ParsableArguments {
    @Option(name: .customLong("max-input-size"),
            help: "Largest input file to read, in MB (default 16; parsing takes about 80 MB of memory per MB).")
    var maxInputSize: Int?

    func validate() throws {
        if let maxInputSize, maxInputSize < 1 || maxInputSize > 4096 {
            throw ValidationError("--max-input-size must be between 1 and 4096 MB")
        }
    }

    /// Sets the limit for every file read after this call.
    func apply() {
        if let maxInputSize { SourceFile.sizeLimit = maxInputSize * 1_048_576 }
    }
}
