import ArgumentParser
import NinesKit

/// `--max-input-size`: every command that reads files takes it, because the error for a file over
/// the limit tells the user to raise it with this option.
struct InputLimitOptions: ParsableArguments {
    /// The largest limit the option accepts, in bytes (4096 MB).
    static let largest = 4096 * 1_048_576

    @Option(name: .customLong("max-input-size"),
            help: "Largest input file to read, in MB (default 2; parsing takes up to about 100 MB of memory per MB).")
    var maxInputSize: Int?

    func validate() throws {
        if let maxInputSize, maxInputSize < 1 || maxInputSize > Self.largest / 1_048_576 {
            throw ValidationError("--max-input-size must be between 1 and 4096 MB")
        }
    }

    /// How the loaders read this command's files.
    var loadOptions: LoadOptions {
        maxInputSize.map { LoadOptions(sizeLimit: $0 * 1_048_576) } ?? LoadOptions()
    }
}
