import Foundation

/// A character encoding the decoder knows how to turn into UTF-8.
enum Charset: Equatable, Sendable {
    case utf8
    case utf16BigEndian, utf16LittleEndian, utf32BigEndian, utf32LittleEndian
    /// windows-1252, also used for ISO-8859-1 and US-ASCII labels as web browsers do.
    case windows1252
    /// Any other charset, by its iconv name.
    case iconv(String)

    /// The charset a label (HTTP `charset`, XML `encoding`) names, or nil when it names none we know.
    init?(label: String) {
        let name = label.trimmingCharacters(in: .whitespaces).lowercased()
        switch name {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8": self = .utf8
        case "utf-16be", "utf-16", "utf16", "ucs-2", "iso-10646-ucs-2", "csunicode", "unicode": self = .utf16BigEndian
        case "utf-16le": self = .utf16LittleEndian
        case "utf-32be", "utf-32", "utf32", "ucs-4", "iso-10646-ucs-4": self = .utf32BigEndian
        case "utf-32le": self = .utf32LittleEndian
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "cp1252",
             "windows-1252", "x-cp1252", "iso-ir-100", "csisolatin1", "ibm819", "cp819", "iso_8859-1:1987":
            self = .windows1252
        case "gb2312", "gbk", "x-gbk", "cp936", "gb_2312-80", "euc-cn", "csgb2312", "chinese": self = .iconv("GB18030")
        case "shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "windows-31j", "cp932", "csshiftjis":
            self = .iconv("CP932")
        case "euc-kr", "ks_c_5601-1987", "cp949", "windows-949", "cseuckr": self = .iconv("CP949")
        case "big5", "big-5", "cn-big5", "x-x-big5", "csbig5": self = .iconv("BIG5-HKSCS")
        default:
            guard !name.isEmpty, name.count < 40,
                  name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.:".contains($0)) }) else {
                return nil
            }
            self = .iconv(name.uppercased())
        }
    }

    /// True for the UTF-16 and UTF-32 forms, whose byte order a BOM settles.
    var isWideUnicode: Bool {
        switch self {
        case .utf16BigEndian, .utf16LittleEndian, .utf32BigEndian, .utf32LittleEndian: true
        default: false
        }
    }

    /// A name for messages.
    var name: String {
        switch self {
        case .utf8: "UTF-8"
        case .utf16BigEndian: "UTF-16BE"
        case .utf16LittleEndian: "UTF-16LE"
        case .utf32BigEndian: "UTF-32BE"
        case .utf32LittleEndian: "UTF-32LE"
        case .windows1252: "windows-1252"
        case .iconv(let name): name
        }
    }

    /// The name iconv knows this charset by.
    var iconvName: String {
        switch self {
        case .windows1252: "WINDOWS-1252"
        default: name
        }
    }
}
