import PollScheduling
import XCTest

/// Configured intervals: the accepted forms and each way of getting one wrong.
final class IntervalParsingTests: XCTestCase {
    private func reason(_ text: String) -> IntervalSyntaxError.Reason? {
        do {
            _ = try parseInterval(text)
            return nil
        } catch {
            XCTAssertEqual(error.text, text)
            return error.reason
        }
    }

    func testAcceptedForms() throws {
        XCTAssertEqual(try parseInterval("90s"), 90)
        XCTAssertEqual(try parseInterval("15m"), 900)
        XCTAssertEqual(try parseInterval("2h"), 7200)
        XCTAssertEqual(try parseInterval("1h30m"), 5400)
        XCTAssertEqual(try parseInterval("1d"), 86400)
        XCTAssertEqual(try parseInterval("1d2h3m4s"), 93784)
        XCTAssertEqual(try parseInterval("120m"), 7200)
        XCTAssertEqual(try parseInterval("  15m\n"), 900)
        XCTAssertEqual(try parseInterval("0h5m"), 300)
    }

    func testRejectedFormsSayWhy() {
        XCTAssertEqual(reason(""), .empty)
        XCTAssertEqual(reason("   "), .empty)
        XCTAssertEqual(reason("900"), .missingUnit)
        XCTAssertEqual(reason("1h30"), .missingUnit)
        XCTAssertEqual(reason("h"), .missingNumber(unit: "h"))
        XCTAssertEqual(reason("1hm"), .missingNumber(unit: "m"))
        XCTAssertEqual(reason("1.5h"), .unexpectedCharacter("."))
        XCTAssertEqual(reason("15M"), .unexpectedCharacter("M"))
        XCTAssertEqual(reason("2w"), .unexpectedCharacter("w"))
        XCTAssertEqual(reason("-5m"), .unexpectedCharacter("-"))
        XCTAssertEqual(reason("1h 30m"), .unexpectedCharacter(" "))
        XCTAssertEqual(reason("٣m"), .unexpectedCharacter("٣"), "only ASCII digits")
        XCTAssertEqual(reason("30m1h"), .unitOutOfOrder("h"))
        XCTAssertEqual(reason("1m1m"), .unitOutOfOrder("m"))
        XCTAssertEqual(reason("0s"), .zero)
        XCTAssertEqual(reason("0h0m"), .zero)
        XCTAssertEqual(reason("99999999999999999999s"), .tooLarge)
        XCTAssertEqual(reason("9999999999999999d"), .tooLarge)
    }

    func testMessageNamesTheValueTheProblemAndTheAcceptedForms() {
        let error = IntervalSyntaxError(text: "15x", reason: .unexpectedCharacter("x"))
        XCTAssertEqual(error.description,
                       "invalid interval \"15x\": unexpected character \"x\"; write whole numbers each followed by "
                           + "a unit, s, m, h or d, largest unit first, such as 90s, 15m, 2h, 1h30m or 1d")
    }
}
