import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A POSIX thread running one closure, which its owner joins (or, if it never will, detaches).
final class JoinableThread: Sendable {
    private final class Entry {
        let name: String
        let body: @Sendable () -> Void
        init(name: String, body: @escaping @Sendable () -> Void) {
            self.name = name
            self.body = body
        }
    }

    private let thread: pthread_t
    private let isReleased = Mutex(false)

    /// Starts `body` on a new thread named `name` (Linux keeps 15 bytes of it); `nil` when the
    /// system refuses to create a thread.
    init?(name: String, body: @escaping @Sendable () -> Void) {
        let entry = Unmanaged.passRetained(Entry(name: name, body: body)).toOpaque()
        var thread = pthread_t()
        let status = pthread_create(
            &thread, nil,
            { context in
                guard let context else { return nil }
                let entry = Unmanaged<Entry>.fromOpaque(context).takeRetainedValue()
                Thread.current.name = entry.name
                entry.body()
                return nil
            }, entry)
        guard status == 0 else {
            Unmanaged<Entry>.fromOpaque(entry).release()
            return nil
        }
        self.thread = thread
    }

    /// Waits for the thread to end. Only the first call of `join` or `detach` has an effect.
    func join() {
        guard release() else { return }
        pthread_join(thread, nil)
    }

    /// Lets the thread end on its own, unjoined. Only the first call of `join` or `detach` has an effect.
    func detach() {
        guard release() else { return }
        pthread_detach(thread)
    }

    private func release() -> Bool {
        isReleased.withLock { released in
            defer { released = true }
            return !released
        }
    }
}
