/// One file `nines scenario --format chaos-mesh|litmus` writes: a scenario's experiment manifests.
package struct ChaosManifestFile: Hashable, Sendable {
    /// A plain file name (no folder, no leading dot): safe to put inside the output folder.
    package var name: String
    package var text: String
}
