import ArgumentParser

/// The `newswire` command line: a client of the daemon and a window on its engine.
@main
struct Newswire: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newswire",
        abstract: "Read Newswire's events, and run its parser and story engine by hand.",
        subcommands: [Tail.self, Parse.self, Cluster.self, Story.self])
}
