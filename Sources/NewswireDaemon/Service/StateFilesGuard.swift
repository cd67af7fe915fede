import Glibc
import ServiceLifecycle

/// Stops the daemon when its database or its lock file is deleted or replaced under it (`rm -rf`
/// of the state folder): it would otherwise go on storing events in a file no restart will find,
/// and a second daemon could take the folder. Stopping says so at once; systemd then restarts it
/// on the folder as it is now.
struct StateFilesGuard: Service {
    /// A state file is no longer the one the daemon opened.
    struct Vanished: Error, CustomStringConvertible {
        let path: String
        var description: String {
            "\(path) was deleted or replaced while newswired was running; stopping, so that no event is "
                + "stored where a restart would not find it (start newswired again to begin from the state "
                + "folder as it is now)"
        }
    }

    /// A file as the kernel knows it: its device and inode.
    private struct Identity: Equatable {
        let device: UInt64
        let inode: UInt64

        init?(path: String) {
            var status = stat()
            guard stat(path, &status) == 0 else { return nil }
            device = UInt64(status.st_dev)
            inode = UInt64(status.st_ino)
        }
    }

    private let files: [(path: String, identity: Identity?)]
    private let interval: Duration

    init(files: [String], interval: Duration = .seconds(5)) {
        self.files = files.map { ($0, Identity(path: $0)) }
        self.interval = interval
    }

    func run() async throws {
        while !Task.isShuttingDownGracefully {
            for file in files where Identity(path: file.path) != file.identity {
                throw Vanished(path: file.path)
            }
            do {
                try await cancelWhenGracefulShutdown { [interval] in try await Task.sleep(for: interval) }
            } catch {
                return
            }
        }
    }
}
