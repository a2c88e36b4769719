/// JSON text as bytes, written the way Foundation's JSONEncoder writes it outside Apple platforms:
///
/// - strings quoted, with `"` and `\` escaped, `\b \f \n \r \t`, other control characters as
///   `\u00xx` (lowercase hex), and everything else (`/`, DEL, non-ASCII) as is;
/// - numbers as Swift's shortest round-trip `description` with a final `.0` removed (`720`,
///   `5e-05`, `1e+16`, `-0`), non-finite ones as the strings "Infinity", "-Infinity" and "NaN";
/// - integers in decimal.
///
/// A struct over a byte array written through pointers: the hot loops that own one pay neither
/// exclusivity checks nor per-byte bookkeeping. It is also the `TextOutputStream` that
/// `Double.write(to:)` prints into, which hands its digits over as ASCII bytes (`_writeASCII`)
/// without making a `String`.
struct JSONBytes: TextOutputStream {
    private(set) var storage: [UInt8] = []

    var count: Int { storage.count }

    init(capacity: Int) { storage.reserveCapacity(capacity) }

    /// Lets `body` write at most `maximum` bytes at the end, and keeps the number it returns.
    /// (The array grows geometrically; only the bytes of this write are zeroed first, never the
    /// spare capacity, so untouched memory stays untouched.)
    @inline(__always)
    mutating func write(atMost maximum: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        let start = storage.count
        storage.append(contentsOf: repeatElement(0, count: maximum))
        let written = storage.withUnsafeMutableBufferPointer { body($0.baseAddress! + start) }
        storage.removeLast(maximum - written)
    }

    @inline(__always)
    mutating func append(_ buffer: UnsafeBufferPointer<UInt8>) { storage.append(contentsOf: buffer) }

    @inline(__always)
    mutating func append(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// The decimal digits of `value`, after a minus sign when negative.
    mutating func appendInteger<T: BinaryInteger>(_ value: T) {
        let negative = value < 0
        var rest = UInt64(value.magnitude)
        var digits = 1
        var scale: UInt64 = 10
        while digits < 20, rest >= scale {
            digits += 1
            scale &*= 10
        }
        let length = digits + (negative ? 1 : 0)
        write(atMost: length) { target in
            if negative { target.pointee = UInt8(ascii: "-") }
            var position = length
            repeat {
                position -= 1
                target[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            return length
        }
    }

    mutating func appendNumber<T: BinaryFloatingPoint & TextOutputStreamable>(_ value: T) {
        guard value.isFinite else {
            append(value.isNaN ? "\"NaN\"" : (value > 0 ? "\"Infinity\"" : "\"-Infinity\""))
            return
        }
        value.write(to: &self)
        if storage[count - 2] == UInt8(ascii: "."), storage[count - 1] == UInt8(ascii: "0") { storage.removeLast(2) }
    }

    mutating func appendQuoted(_ string: String) {
        if string.utf8.withContiguousStorageIfAvailable({ appendQuoted(utf8: $0) }) == nil {
            var string = string
            string.withUTF8 { appendQuoted(utf8: $0) }
        }
    }

    private mutating func appendQuoted(utf8 text: UnsafeBufferPointer<UInt8>) {
        write(atMost: 2 + 6 * text.count) { target in
            var out = target
            out.pointee = UInt8(ascii: "\"")
            out += 1
            var index = 0
            let count = text.count
            if let source = text.baseAddress {
                while index < count {
                    // Eight bytes at a time while none of them needs escaping.
                    if index + 8 <= count {
                        let word = UnsafeRawPointer(source + index).loadUnaligned(as: UInt64.self)
                        if !Self.needsEscape(word) {
                            UnsafeMutableRawPointer(out).storeBytes(of: word, as: UInt64.self)
                            out += 8
                            index += 8
                            continue
                        }
                    }
                    out = Self.write(source[index], at: out)
                    index += 1
                }
            }
            out.pointee = UInt8(ascii: "\"")
            return out + 1 - target
        }
    }

    /// Whether any of the eight bytes is a control character, `"` or `\` (exact, by the
    /// "has a zero byte" bit trick).
    @inline(__always)
    private static func needsEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let control = (word &- 0x20 &* ones) & ~word & highs
        let quote = word ^ (0x22 &* ones), backslash = word ^ (0x5C &* ones)
        return (control | ((quote &- ones) & ~quote & highs) | ((backslash &- ones) & ~backslash & highs)) != 0
    }

    /// Writes one byte of a string, escaped if it must be, and returns where the next goes.
    @inline(__always)
    private static func write(_ byte: UInt8, at out: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else {
            out.pointee = byte
            return out + 1
        }
        out.pointee = UInt8(ascii: "\\")
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): out[1] = byte
        case 0x08: out[1] = UInt8(ascii: "b")
        case 0x0C: out[1] = UInt8(ascii: "f")
        case 0x0A: out[1] = UInt8(ascii: "n")
        case 0x0D: out[1] = UInt8(ascii: "r")
        case 0x09: out[1] = UInt8(ascii: "t")
        default:
            out[1] = UInt8(ascii: "u")
            out[2] = UInt8(ascii: "0")
            out[3] = UInt8(ascii: "0")
            out[4] = hexDigit(byte >> 4)
            out[5] = hexDigit(byte & 0xF)
            return out + 6
        }
        return out + 2
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }

    mutating func write(_ string: String) { append(string) }

    mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) { append(buffer) }
}
