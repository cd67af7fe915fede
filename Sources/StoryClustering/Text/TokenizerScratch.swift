/// Buffers that `Tokenizer.scan(_:into:reusing:)` writes words into, kept between texts by a reader that
/// reads text after text (`FeatureExtractor`), so that reading a text allocates nothing once they have
/// grown to the longest text read (up to `retainedTextLimit`).
///
/// Allocating the two buffers of a new `TokenList` for every text, then cutting them to size, was four
/// allocations per text, each with a look-up of the array's generic metadata in the runtime.
struct TokenizerScratch: Sendable {
    var bytes: [UInt8] = []
    var spans: [TokenList.Span] = []

    /// Longest text (in UTF-8 bytes) whose worst-case buffers are kept: a longer one is read into buffers
    /// of its own, so that one very long summary does not hold memory for good.
    static let retainedTextLimit = 16_384

    init() {}
}
