import Foundation

/// One managed resource of a `terraform show -json` document: its address, type and attribute values.
struct TerraformResource {
    let address: String
    let type: String
    let name: String
    let values: [String: Any]

    func string(_ key: String) -> String? { values[key] as? String }
    func bool(_ key: String) -> Bool? { values[key] as? Bool }
    func number(_ key: String) -> Double? { (values[key] as? NSNumber)?.doubleValue }
    func list(_ key: String) -> [Any] { values[key] as? [Any] ?? [] }
    /// The first block of a nested block list (`settings[0]`), as Terraform's JSON writes blocks.
    func block(_ key: String) -> TerraformResource? {
        guard let first = list(key).first as? [String: Any] else { return nil }
        return TerraformResource(address: address + "." + key, type: type, name: name, values: first)
    }

    /// The managed resources of the document's root module and its child modules, in document order.
    static func all(in document: Any) -> [TerraformResource] {
        guard let root = ((document as? [String: Any])?["values"] as? [String: Any])?["root_module"] as? [String: Any] else { return [] }
        var found: [TerraformResource] = []
        var modules: [[String: Any]] = [root]
        while !modules.isEmpty {
            let module = modules.removeFirst()
            for case let resource as [String: Any] in module["resources"] as? [Any] ?? [] where resource["mode"] as? String == "managed" {
                guard let address = resource["address"] as? String, let type = resource["type"] as? String,
                      let name = resource["name"] as? String else { continue }
                found.append(TerraformResource(address: address, type: type, name: name, values: resource["values"] as? [String: Any] ?? [:]))
            }
            modules += (module["child_modules"] as? [Any] ?? []).compactMap { $0 as? [String: Any] }
        }
        return found
    }
}
