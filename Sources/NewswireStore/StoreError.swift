/// Why the state store could not be opened or written. Messages name the file.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
    public var description: String { "state database \(path): \(reason)" }
}
