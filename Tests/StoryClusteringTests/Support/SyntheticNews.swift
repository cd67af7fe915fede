import Foundation
import StoryClustering

/// An endless, reproducible stream of made-up news: events with their own vocabulary (names and
/// topic words) reported a few times each by several outlets, mixed with generic news words, at a
/// steady rate. Each event lives for a few hours, then new events replace it.
struct SyntheticNews {
    private var generator: SeededGenerator
    private let interval: TimeInterval
    private(set) var now = Date(timeIntervalSince1970: 1_800_000_000)
    private var events: [Event] = []
    private var counter = 0
    private var nextEventNumber = 0

    private struct Event {
        var names: [String]
        var words: [String]
        var remaining: Int
    }

    private static let commonWords = [
        "government", "officials", "said", "attack", "market", "prices", "deal", "court", "police", "president",
        "minister", "election", "talks", "report", "company", "shares", "rise", "fall", "crisis", "warns",
        "plan", "vote", "law", "health", "study", "city", "country", "people", "killed", "fire", "storm",
        "record", "sales", "bank", "rates", "workers", "strike", "protest", "leaders", "summit", "trade",
    ]

    init(seed: UInt64, articlesPerHour: Double) {
        generator = SeededGenerator(seed: seed)
        interval = 3600 / articlesPerHour
    }

    /// The next article; `published` advances steadily.
    mutating func next() -> ClusterArticle {
        now = now.addingTimeInterval(interval)
        counter += 1
        events.removeAll { $0.remaining == 0 }
        while events.count < 40 { events.append(newEvent()) }
        let index = Int.random(in: 0..<events.count, using: &generator)
        events[index].remaining -= 1
        let event = events[index]
        let title = (pick(event.names, 2) + pick(event.words, 3) + pick(Self.commonWords, 2))
            .shuffled(using: &generator).joined(separator: " ")
        let summary = (pick(event.names, 2) + pick(event.words, 5) + pick(Self.commonWords, 6))
            .shuffled(using: &generator).joined(separator: " ") + "."
        return ClusterArticle(id: "synthetic-\(counter)", outlet: "outlet-\(counter % 7)", title: title.capitalized,
                              summary: summary, published: now)
    }

    private mutating func newEvent() -> Event {
        nextEventNumber += 1
        let names = (0..<3).map { _ in Self.word(Int.random(in: 0..<2_000_000, using: &generator)).capitalized }
        let words = (0..<8).map { _ in Self.word(Int.random(in: 0..<20_000, using: &generator)) }
        return Event(names: names, words: words, remaining: Int.random(in: 2...60, using: &generator))
    }

    private mutating func pick(_ words: [String], _ count: Int) -> [String] {
        (0..<count).map { _ in words[Int.random(in: 0..<words.count, using: &generator)] }
    }

    /// A pronounceable made-up word for a number (distinct numbers give distinct words).
    static func word(_ number: Int) -> String {
        let consonants = Array("bcdfghklmnprstvz"), vowels = Array("aeiou")
        var value = number
        var letters: [Character] = []
        repeat {
            letters.append(consonants[value % consonants.count])
            value /= consonants.count
            letters.append(vowels[value % vowels.count])
            value /= vowels.count
        } while value > 0
        return String(letters)
    }
}
