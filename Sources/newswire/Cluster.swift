import ArgumentParser

/// `newswire cluster`: runs the story engine over articles given as JSON Lines.
struct Cluster: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Assign articles (JSON Lines) to stories.")

    @Argument(
        help: ArgumentHelp(
            "Articles as JSON Lines (id, outlet, title, summary, url, published).",
            valueName: "file.jsonl"))
    var file: String

    func run() throws {
        throw ValidationError("not available yet")
    }
}
