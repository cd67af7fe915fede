/// A character encoding the decoder knows how to turn into UTF-8.
enum Charset: Equatable, Sendable {
    case utf8
    /// US-ASCII: only bytes below 0x80 are valid.
    case ascii
    case utf16BigEndian, utf16LittleEndian, utf32BigEndian, utf32LittleEndian
    /// windows-1252, also used for ISO-8859-1 and US-ASCII labels as web browsers do.
    case windows1252
    /// Any other charset, by its iconv name.
    case iconv(String)

    /// The charset a label (HTTP `charset`, XML `encoding`) names, or nil when it names none we know.
    init?(label: String) {
        let name = CharsetLabels.normalize(label)
        switch name {
        case "utf_8", "utf8", "u8", "utf", "utf8_ucs2", "utf8_ucs4", "cp65001", "unicode_1_1_utf_8": self = .utf8
        case "utf_16_be", "utf_16be", "unicodebigunmarked", "utf_16", "utf16", "u16", "ucs_2", "iso_10646_ucs_2",
            "csunicode", "unicode":
            self = .utf16BigEndian
        case "utf_16_le", "utf_16le", "unicodelittleunmarked": self = .utf16LittleEndian
        case "utf_32_be", "utf_32be", "utf_32", "utf32", "u32", "ucs_4", "iso_10646_ucs_4", "csucs4":
            self = .utf32BigEndian
        case "utf_32_le", "utf_32le": self = .utf32LittleEndian
        case "646", "ansi_x3.4_1968", "ansi_x3_4_1968", "ansi_x3.4_1986", "cp367", "csascii", "ibm367", "iso646_us",
            "iso_646.irv_1991", "iso_ir_6", "us", "us_ascii", "ascii":
            self = .ascii
        case "8859", "cp819", "csisolatin1", "ibm819", "iso8859", "iso8859_1", "iso_8859_1", "iso_8859_1_1987",
            "iso_ir_100", "l1", "latin", "latin1", "latin_1", "1252", "windows_1252", "cp1252", "x_cp1252":
            self = .windows1252
        case "gb2312", "chinese", "csiso58gb231280", "euc_cn", "euccn", "eucgb2312_cn", "gb2312_1980", "gb2312_80",
            "iso_ir_58", "x_gbk", "gbk", "cp936", "ms936", "936":
            self = .iconv("GB18030")
        case "windows_31j", "x_sjis", "ms_kanji": self = .iconv("CP932")
        case "x_mac_roman": self = .iconv("MACINTOSH")
        default:
            guard let iconvName = CharsetLabels.iconvNames[name] else { return nil }
            self = .iconv(iconvName)
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
        case .ascii: "US-ASCII"
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
