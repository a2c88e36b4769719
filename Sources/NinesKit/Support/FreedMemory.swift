#if canImport(Glibc)
import Glibc
#endif

/// Hands memory the process has freed back to the system, after a phase that freed much of it.
///
/// glibc keeps freed small blocks for reuse, but the phase after loading allocates mostly large
/// arrays, which come from fresh pages: at 100,000 components the YAML tree (about 170 MB of
/// small blocks, freed once the model is read) stayed resident under the compiled diagram and
/// the evaluation's per-node arrays, and set the process's peak memory.
package enum FreedMemory {
    package static func returnToSystem() {
        #if canImport(Glibc)
        // `malloc_trim` (glibc's malloc.h, which the Glibc module does not import), found by name.
        typealias Trim = @convention(c) (Int) -> Int32
        guard let process = dlopen(nil, RTLD_NOW), let symbol = dlsym(process, "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: Trim.self)(0)
        #endif
    }
}
