import ArgumentParser
import Foundation
import NewswireDaemon
import NewswireStore

/// `newswire story`: shows a stored story, and why each article joined it.
struct Story: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show a story from the daemon's state.")

    @Argument(help: "The story id (as in events).")
    var id: Int64

    @Flag(help: "Show why each article joined the story.")
    var explain = false

    @Option(
        help: ArgumentHelp(
            "The daemon's state folder (default: the user's, else the system service's /var/lib/newswire).",
            valueName: "dir"))
    var stateDirectory: String?

    func run() throws {
        let directory = stateDirectory.map { URL(fileURLWithPath: $0) } ?? DaemonPaths.clientStateDirectory()
        let store = try StateStore(directory: directory, readOnly: true)
        // A story found to be the same event as another lives on in it: show that one.
        var id = id
        for _ in 0..<64 {
            guard let survivor = try store.read({ try $0.story(mergedInto: id) }) else { break }
            Console.out("story \(id) was merged into story \(survivor), the same event\n")
            id = survivor
        }
        guard let story = try store.read({ try $0.story(id: id) }) else {
            // Not a usage error: the command line was right, the state has no such story.
            Console.error("newswire: no story \(id) in \(store.path)\n")
            throw ExitCode(1)
        }
        Console.out("story \(story.id): \(story.headline)\n")
        Console.out(
            "  \(EventText.count(story.articleCount, "article")) from \(story.outlets.joined(separator: ", "))\n")
        let merged = try store.read { try $0.stories(mergedInto: id) }
        if !merged.isEmpty {
            Console.out("  merged in: \(merged.map { "story \($0)" }.joined(separator: ", ")) (the same event)\n")
        }
        for sentence in story.brief { Console.out("  · \(sentence)\n") }
        let joins = try store.read { try $0.joins(ofStory: id) }
        for join in joins {
            Console.out("  - [\(join.outlet)] \(join.title) (article \(join.articleID))\n")
            if explain {
                if let score = join.score, !join.terms.isEmpty {
                    Console.out(
                        "      joined with score \(String(format: "%.3f", score)) on: \(join.terms.joined(separator: ", "))\n"
                    )
                } else {
                    Console.out(
                        merged.isEmpty ? "      started the story\n" : "      started this story or one merged in\n")
                }
            }
        }
    }
}
