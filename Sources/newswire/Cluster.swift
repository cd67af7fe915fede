import ArgumentParser
import Foundation
import NewswireDaemon
import StoryClustering

/// `newswire cluster`: runs the story engine, with the daemon's settings, over articles given as JSON Lines.
struct Cluster: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Assign articles (JSON Lines) to stories, as the daemon would.",
        discussion: """
            Reads one article per line (id, outlet, title, summary, url, published), processes them in \
            published order and prints {"id": ..., "story": ...} for each.
            """)

    @Argument(help: ArgumentHelp("Articles as JSON Lines.", valueName: "file.jsonl"))
    var file: String

    @Option(help: ArgumentHelp("Take the story settings from this newswired.toml.", valueName: "file"))
    var config: String?

    func run() throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            Console.error("newswire: cannot read \(file): \(error.localizedDescription)\n")
            throw ExitCode(1)
        }
        let settings = try config.map(ConfigurationLoader.load(path:)) ?? DaemonConfiguration()
        let assignments = try ClusterRunner.run(
            jsonLines: data, configuration: StoryClusteringConfiguration(quietPeriod: settings.storyQuietPeriod))
        var output = String()
        output.reserveCapacity(assignments.count * 40)
        for assignment in assignments {
            output += "{\"id\":\(Self.quoted(assignment.id)),\"story\":\(assignment.story)}\n"
        }
        Console.out(output)
    }

    private static func quoted(_ text: String) -> String {
        let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
