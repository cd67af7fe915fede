import Foundation

/// Runs a command to completion and captures its output (for systemctl, journalctl, the sandbox).
///
/// Spawned with `posix_spawn` and reaped with `waitpid`, not with Foundation's `Process`: on Linux
/// `Process` decides that a child ended when every copy of a descriptor it hands the child is
/// closed, and the sandbox's `up` leaves a systemd behind that keeps such copies forever.
enum Shell {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Output {
        let directory = FileManager.default.temporaryDirectory
        let outFile = directory.appendingPathComponent("shell-\(UUID().uuidString).out")
        let errFile = directory.appendingPathComponent("shell-\(UUID().uuidString).err")
        defer {
            try? FileManager.default.removeItem(at: outFile)
            try? FileManager.default.removeItem(at: errFile)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        let merged = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let argv = (["/usr/bin/env"] + arguments).map { strdup($0) } + [nil]
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, "/usr/bin/env", &actions, nil, argv, envp)
        guard spawned == 0 else {
            throw DaemonTestError(
                "cannot run \(arguments.joined(separator: " ")): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Output(
            status: exitStatus,
            stdout: (try? String(contentsOf: outFile, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: errFile, encoding: .utf8)) ?? "")
    }
}
