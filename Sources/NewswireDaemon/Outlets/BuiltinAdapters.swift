import AlJazeeraAdapter
import France24Adapter
public import SourceAdapterKit

/// The registry of adapters linked into the daemon, by outlet id.
public enum BuiltinAdapters {
    /// Every built-in adapter, in a stable order.
    public static let all: [any SourceAdapter] = [
        France24Adapter(),
        AlJazeeraAdapter(),
    ]

    /// The built-in adapter for `id`, if there is one.
    public static func adapter(for id: String) -> (any SourceAdapter)? {
        all.first { $0.outlet.id == id }
    }
}
