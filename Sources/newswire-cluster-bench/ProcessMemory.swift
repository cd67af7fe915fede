import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Resident memory of this process, from `/proc/self/status` (Linux).
enum ProcessMemory {
    /// Current resident set size in MiB (`VmRSS`), or `nil` where `/proc` is missing.
    static var residentMiB: Double? { field("VmRSS") }
    /// Peak resident set size in MiB (`VmHWM`).
    static var peakResidentMiB: Double? { field("VmHWM") }

    private static func field(_ name: String) -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix(name + ":") {
            let kilobytes = line.split(separator: " ").compactMap { Double($0) }.first
            return kilobytes.map { $0 / 1024 }
        }
        return nil
    }
}

/// CPU time of the calling thread, which other processes sharing the core do not inflate.
enum ThreadClock {
    static var seconds: Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
