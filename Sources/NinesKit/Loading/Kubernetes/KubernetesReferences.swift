import Foundation

/// Where a workload names a Service: a host in a URL (`http://orders:8080`, `redis://cache.shop.svc`),
/// `host:port`, a namespace-qualified name (`orders.shop`), or a value that is the name alone
/// (`CART_HOST=cart`). A bare word inside prose is not taken for a reference.
enum KubernetesReferences {
    struct Target: Hashable {
        let name: String
        let namespace: String
    }

    /// The services of `known` that `text` names; a bare name only counts in `namespace` (the caller's).
    static func services(in text: String, namespace: String, known: Set<Target>) -> [Target] {
        let characters = Array(text.lowercased())
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        var found: [Target] = []
        var index = 0
        while index < characters.count {
            guard isHostCharacter(characters[index]) else { index += 1; continue }
            let start = index
            while index < characters.count, isHostCharacter(characters[index]) { index += 1 }
            let token = String(characters[start..<index])
            let labels = token.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            let userInfo = index < characters.count && characters[index] == "@"   // `postgres://user@host`: a user, not a host
            let hostPosition = !userInfo && ((start >= 2 && characters[start - 2] == "/" && characters[start - 1] == "/")
                || (start >= 1 && characters[start - 1] == "@")
                || (index < characters.count && characters[index] == ":")
                || token == trimmed)
            let target: Target?
            if labels.count >= 2, !userInfo, known.contains(Target(name: labels[0], namespace: labels[1])) {
                target = Target(name: labels[0], namespace: labels[1])
            } else if labels.count == 1, hostPosition, known.contains(Target(name: token, namespace: namespace)) {
                target = Target(name: token, namespace: namespace)
            } else {
                target = nil
            }
            if let target, !found.contains(target) { found.append(target) }
        }
        return found
    }

    private static func isHostCharacter(_ character: Character) -> Bool {
        character == "-" || character == "." || (character.isASCII && (character.isLetter || character.isNumber))
    }
}
