/// An identity key or near-duplicate hint in `WritesInFlight`, hashed once.
///
/// The in-flight maps are searched for every article of every plan and filtered as each plan is
/// committed, which rehashes every entry left; keys are links and guids of a hundred bytes, and
/// hashing their text each time made `String` hashing 4% of a first poll's instructions.
struct InFlightKey: Hashable {
    let text: String
    private let textHash: Int

    init(_ text: String) {
        self.text = text
        textHash = text.hashValue
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(textHash)
    }

    static func == (lhs: InFlightKey, rhs: InFlightKey) -> Bool {
        lhs.textHash == rhs.textHash && lhs.text == rhs.text
    }
}
