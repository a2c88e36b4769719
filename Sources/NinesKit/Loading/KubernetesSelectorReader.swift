/// Reads a component's `selector:` (`{namespace: shop, labels: {app: web}}`, or `{host: api.psp.example}`
/// for an external provider), checking every name against the Kubernetes syntax so an experiment
/// written from it is accepted by the API server.
struct KubernetesSelectorReader {
    let diagnostics: DiagnosticCollector

    func read(_ value: YAMLValue, owner: String) -> KubernetesSelector? {
        guard let fields = MappingReader(value, context: "'selector' of component '\(owner)'", diagnostics: diagnostics) else { return nil }
        defer { fields.rejectUnknownKeys(known: ["namespace", "labels", "host"]) }
        var valid = true
        let namespace = fields.scalar("namespace", expected: "a namespace name")
        if let namespace, !Self.isLabel(namespace.text, lowercase: true) {
            diagnostics.error(namespace.location, "'namespace' of the selector of '\(owner)' must be a Kubernetes namespace name "
                              + "(lower-case letters, digits and '-', at most 63), found '\(namespace.clipped)'", length: namespace.text.count)
            valid = false
        }
        let host = fields.scalar("host", expected: "a host name or address")
        if let host, !Self.isHost(host.text) {
            diagnostics.error(host.location, "'host' of the selector of '\(owner)' must be a host name or address (letters, digits, '.', '-', ':', "
                              + "at most 253), found '\(host.clipped)'", length: host.text.count)
            valid = false
        }
        var labels: [String: String] = [:]
        if let body = fields.value("labels") {
            guard case .mapping(let pairs, _) = body else {
                diagnostics.error(body.location, "'labels' of the selector of '\(owner)' must be a mapping of label to value, found \(body.kindDescription)")
                return nil
            }
            for (key, value) in pairs {
                guard case .scalar(let text) = value, !text.isNull else {
                    diagnostics.error(value.location, "label '\(key.clipped)' of the selector of '\(owner)' must have a value, found \(value.kindDescription)")
                    valid = false
                    continue
                }
                if !Self.isLabelKey(key.text) {
                    diagnostics.error(key.location, "label '\(key.clipped)' of the selector of '\(owner)' is not a Kubernetes label key "
                                      + "(an optional DNS prefix and '/', then at most 63 letters, digits, '-', '_', '.')", length: key.text.count)
                    valid = false
                } else if !text.text.isEmpty, !Self.isLabel(text.text, lowercase: false) {
                    diagnostics.error(text.location, "the value of label '\(key.text)' of the selector of '\(owner)' is not a Kubernetes label value "
                                      + "(at most 63 letters, digits, '-', '_', '.', starting and ending with a letter or digit), found '\(text.clipped)'",
                                      length: text.text.count)
                    valid = false
                } else if labels[key.text] != nil {
                    diagnostics.error(key.location, "label '\(key.clipped)' of the selector of '\(owner)' is given twice", length: key.text.count)
                    valid = false
                }
                labels[key.text] = text.text
            }
        }
        switch (labels.isEmpty, host) {
        case (true, nil):
            if valid {
                diagnostics.error(fields.location, "the selector of '\(owner)' selects nothing: give 'labels' (the pods it stands for) "
                                  + "or 'host' (an external dependency outside the cluster)")
            }
            return nil
        case (false, _?):
            diagnostics.error(fields.keyLocation("host"), "the selector of '\(owner)' gives both 'labels' and 'host'; give 'labels' for pods "
                              + "in the cluster, 'host' for a dependency outside it", length: 4)
            return nil
        case (true, _?) where namespace != nil:
            diagnostics.error(fields.keyLocation("namespace"), "the selector of '\(owner)' gives 'namespace' with 'host': a host outside "
                              + "the cluster has no namespace", length: 9)
            return nil
        default:
            break
        }
        guard valid else { return nil }
        return KubernetesSelector(namespace: namespace?.text, labels: labels, host: host?.text, location: fields.location)
    }

    /// A label value or DNS label: at most 63 characters, letters and digits at both ends.
    static func isLabel(_ text: String, lowercase: Bool) -> Bool {
        let bytes = Array(text.utf8)
        guard (1...63).contains(bytes.count) else { return false }
        func alphanumeric(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (!lowercase && (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte))
        }
        let inner: Set<UInt8> = lowercase ? [UInt8(ascii: "-")] : [UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: ".")]
        return alphanumeric(bytes.first!) && alphanumeric(bytes.last!) && bytes.allSatisfy { alphanumeric($0) || inner.contains($0) }
    }

    /// `name` or `prefix/name`, the prefix a DNS subdomain (dot-separated lower-case labels, at most 253).
    static func isLabelKey(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2, isLabel(String(parts.last!), lowercase: false) else { return false }
        guard parts.count == 2 else { return true }
        return isSubdomain(String(parts[0]))
    }

    static func isSubdomain(_ text: String) -> Bool {
        text.utf8.count <= 253 && text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { isLabel(String($0), lowercase: true) }
    }

    /// A DNS name or an IPv4/IPv6 address.
    static func isHost(_ text: String) -> Bool {
        guard (1...253).contains(text.utf8.count) else { return false }
        return isSubdomain(text.lowercased()) || text.utf8.allSatisfy { byte in
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
        }
    }
}
