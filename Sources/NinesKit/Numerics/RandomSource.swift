/// SplitMix64: a tiny generator used only to expand seeds (Steele, Lea & Flood 2014).
package struct SplitMix64: Sendable {
    public var state: UInt64

    public init(state: UInt64) { self.state = state }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// xoshiro256** (Blackman & Vigna 2018): fast, 256 bits of state, passes BigCrush.
/// A value type with no allocation, so each simulation chunk owns one and threads never share.
package struct Xoshiro256StarStar: Sendable {
    private var s0, s1, s2, s3: UInt64

    /// Seeds the four state words from SplitMix64, as the authors recommend (never all zero).
    public init(seed: UInt64) {
        var mixer = SplitMix64(state: seed)
        s0 = mixer.next(); s1 = mixer.next(); s2 = mixer.next(); s3 = mixer.next()
    }

    /// The stream of chunk `index` of a run seeded with `seed`: a pure function of both, so a chunk
    /// draws the same numbers whichever thread runs it.
    public init(seed: UInt64, stream index: Int) {
        var mixer = SplitMix64(state: seed)
        let base = mixer.next()
        var streamMixer = SplitMix64(state: base ^ (UInt64(truncatingIfNeeded: index) &* 0xD1B5_4A32_D192_ED03))
        self.init(seed: streamMixer.next())
    }

    @inline(__always)
    public mutating func next() -> UInt64 {
        let result = rotate(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotate(s3, 45)
        return result
    }

    /// Uniform in (0, 1]: never 0, so −log(u) is always finite.
    @inline(__always)
    public mutating func nextOpenUnit() -> Double {
        Double((next() >> 11) + 1) * 0x1p-53
    }

    @inline(__always)
    private func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}
