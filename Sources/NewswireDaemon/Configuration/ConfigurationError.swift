/// A configuration that cannot be used, with the file and the key at fault.
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// The dotted key (`outlets.bbc.feeds`), or nil for the file as a whole.
    public var key: String?
    public var message: String

    public init(file: String, key: String? = nil, message: String) {
        self.file = file
        self.key = key
        self.message = message
    }

    public var description: String {
        if let key { return "\(file): \(key): \(message)" }
        return "\(file): \(message)"
    }
}
