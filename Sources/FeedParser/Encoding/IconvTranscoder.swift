import CLibXML2
import Glibc

/// Converts bytes of a legacy or wide charset to UTF-8 with glibc's iconv.
enum IconvTranscoder {
    /// The outcome of one conversion.
    struct Outcome {
        var bytes: [UInt8]
        /// Input bytes iconv could not convert (each became U+FFFD).
        var invalidBytes: Int
    }

    /// Converts `input` from `charset` to UTF-8, or returns nil when iconv does not know it.
    /// With `strict`, the first invalid byte ends the conversion and nil is returned.
    static func convert(_ input: UnsafeRawBufferPointer, from charsetName: String, strict: Bool) -> Outcome? {
        let converter = iconv_open("UTF-8", charsetName)
        guard newswire_iconv_is_valid(converter) != 0 else { return nil }
        defer { iconv_close(converter) }
        guard let base = input.baseAddress, input.count > 0 else { return Outcome(bytes: [], invalidBytes: 0) }

        var output = [UInt8](repeating: 0, count: input.count * 2 + 64)
        var produced = 0
        var invalid = 0
        var inPointer = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: CChar.self))
        var inLeft = input.count
        while inLeft > 0 {
            if output.count - produced < 16 { output.append(contentsOf: repeatElement(0, count: output.count)) }
            var outLeft = output.count - produced
            let result = output.withUnsafeMutableBytes { buffer -> Int in
                var outPointer: UnsafeMutablePointer<CChar>? = buffer.baseAddress!
                    .advanced(by: produced).assumingMemoryBound(to: CChar.self)
                var inCursor: UnsafeMutablePointer<CChar>? = inPointer
                let status = iconv(converter, &inCursor, &inLeft, &outPointer, &outLeft)
                inPointer = inCursor!
                return newswire_iconv_failed(status) != 0 ? Int(errno) : 0
            }
            produced = output.count - outLeft
            switch result {
            case 0: continue
            case Int(E2BIG): output.append(contentsOf: repeatElement(0, count: output.count))
            default:
                // EILSEQ or EINVAL: an invalid or truncated sequence.
                if strict { return nil }
                invalid += 1
                if output.count - produced < 3 { output.append(contentsOf: repeatElement(0, count: 64)) }
                output[produced] = 0xEF
                output[produced + 1] = 0xBF
                output[produced + 2] = 0xBD
                produced += 3
                inPointer += 1
                inLeft -= 1
            }
        }
        output.removeSubrange(produced...)
        return Outcome(bytes: output, invalidBytes: invalid)
    }
}
