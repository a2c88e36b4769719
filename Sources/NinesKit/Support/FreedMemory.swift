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

    /// Blocks from this size are mapped pages of their own, so a freed one goes back at once.
    static let mappedFrom = 1 << 20

    /// Whether `mapLargeBlocks()` has run: a large freed block then needs no trim.
    package nonisolated(unsafe) private(set) static var largeBlocksMapped = false

    /// Fixes glibc's mmap threshold at `mappedFrom` for the process (the executable calls it first).
    ///
    /// Left alone, glibc raises the threshold to the largest block freed so far (32 MB once loading
    /// freed its arrays), and every later large block comes from the heap: the diagram's node
    /// storage then grows by copying into a new block while the old one stays resident (25 MB of
    /// the 100k platform's peak), and only a `malloc_trim` (a walk of the whole heap) hands it
    /// back. Mapped, it grows in place (`mremap`) and is unmapped when freed.
    package static func mapLargeBlocks() {
        #if canImport(Glibc)
        // `mallopt` and `M_MMAP_THRESHOLD` (-3) are in malloc.h, which the Glibc module does not import.
        typealias SetOption = @convention(c) (Int32, Int32) -> Int32
        guard let process = dlopen(nil, RTLD_NOW), let symbol = dlsym(process, "mallopt") else { return }
        largeBlocksMapped = unsafeBitCast(symbol, to: SetOption.self)(-3, Int32(mappedFrom)) == 1
        #endif
    }
}
