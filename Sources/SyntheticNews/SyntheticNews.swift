public import Foundation
public import StoryClustering

/// An endless, reproducible stream of made-up news for speed and memory tests.
///
/// Events appear continuously and last from two hours to two days; each has its own names and topic
/// words. An article reports one current event: a title of about ten words and a summary of about
/// thirty-five, mixing the event's names and words with everyday vocabulary and function words.
/// `published` advances steadily at the given rate.
public struct SyntheticNews {
    private var generator: SeededGenerator
    private let interval: TimeInterval
    private let concurrentEvents: Int
    private let summaries: Bool
    /// The `published` time of the last article.
    public private(set) var now = Date(timeIntervalSince1970: 1_800_000_000)
    private var events: [Event] = []
    private var counter = 0

    private struct Event {
        var names: [String]
        var words: [String]
        var ends: Date
    }

    private static let functionWords = ["the", "of", "in", "to", "and", "a", "for", "on", "after", "as", "with", "by"]
    private static let everydayWords = (0..<3_000).map { word($0 * 7919 % 50_000) }

    /// A stream reproducible from `seed`, `articlesPerHour` articles per hour of `published` time; with
    /// `summaries: false` every summary is empty.
    public init(seed: UInt64, articlesPerHour: Double, summaries: Bool = true) {
        generator = SeededGenerator(seed: seed)
        self.summaries = summaries
        interval = 3600 / articlesPerHour
        concurrentEvents = max(20, Int(articlesPerHour / 5))
    }

    /// The next article.
    public mutating func next() -> ClusterArticle {
        now = now.addingTimeInterval(interval)
        counter += 1
        events.removeAll { $0.ends < now }
        while events.count < concurrentEvents { events.append(newEvent()) }
        let event = events[Int.random(in: 0..<events.count, using: &generator)]
        let title = sentence(names: pick(event.names, 2), words: pick(event.words, 4), everyday: 2, function: 3)
        let summary =
            !summaries
            ? ""
            : [
                sentence(names: pick(event.names, 1), words: pick(event.words, 4), everyday: 5, function: 7),
                sentence(names: pick(event.names, 1), words: pick(event.words, 4), everyday: 5, function: 7),
            ].joined(separator: ". ") + "."
        return ClusterArticle(
            id: "synthetic-\(counter)", outlet: "outlet-\(counter % 11)", title: title,
            summary: summary, published: now)
    }

    private mutating func newEvent() -> Event {
        let names = (0..<3).map { _ in Self.word(Int.random(in: 0..<5_000_000, using: &generator)).capitalized }
        let words = (0..<10).map { _ in Self.word(50_000 + Int.random(in: 0..<30_000, using: &generator)) }
        let lifetime = TimeInterval.random(in: 2 * 3600...48 * 3600, using: &generator)
        return Event(names: names, words: words, ends: now.addingTimeInterval(lifetime))
    }

    private mutating func sentence(names: [String], words: [String], everyday: Int, function: Int) -> String {
        var parts = names + words + pick(Self.everydayWords, everyday) + pick(Self.functionWords, function)
        parts.shuffle(using: &generator)
        parts[0] = parts[0].capitalized
        return parts.joined(separator: " ")
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
