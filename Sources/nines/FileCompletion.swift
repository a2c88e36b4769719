import ArgumentParser

/// What the shell completions (`nines --generate-completion-script bash|zsh|fish`) offer where
/// a command expects a file: models and worksheets are YAML, `fmea import` reads CSV, and an
/// output file may be any name.
extension CompletionKind {
    static var yamlFile: CompletionKind { .file(extensions: ["yaml", "yml"]) }
    static var csvFile: CompletionKind { .file(extensions: ["csv", "tsv", "txt"]) }
    static var outputFile: CompletionKind { .file() }
}
