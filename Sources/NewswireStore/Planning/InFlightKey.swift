/// An identity key or near-duplicate hint in `WritesInFlight`, hashed once.
///
/// The in-flight maps are searched for every article of every plan and filtered as each plan is
/// committed, which rehashes every entry left. Keys are links and guids of about a hundred bytes:
/// hashing their text once instead of each time took 45% off `String` hashing in a first poll.
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
