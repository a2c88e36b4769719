/// Text put in a comment of a written model: one line, no control characters (what an importer
/// quotes from its input may hold anything).
enum ModelComment {
    static func text(_ raw: String) -> String {
        String(raw.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value) ? " " : Character($0) })
    }
}
