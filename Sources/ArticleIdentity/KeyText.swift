/// Keys made of a few parts (`guid:outlet:value`), built in one string of the right size: `+` and
/// interpolation grow the string part by part, and several keys are made for every item of every poll.
enum KeyText {
    /// `first + second + third + fourth`.
    static func joined(_ first: String, _ second: String, _ third: String = "", _ fourth: String = "") -> String {
        var text = String()
        text.reserveCapacity(first.utf8.count + second.utf8.count + third.utf8.count + fourth.utf8.count)
        text.append(first)
        text.append(second)
        text.append(third)
        text.append(fourth)
        return text
    }
}
