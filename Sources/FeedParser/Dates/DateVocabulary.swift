/// Month and weekday names and zone abbreviations that feeds write in dates.
enum DateVocabulary {
    /// The month a name (or its first letters) stands for, in English, French, German, Spanish,
    /// Italian, Portuguese or Dutch, with common misspellings. Expects lowercase ASCII or UTF-8.
    static func month(_ name: String) -> Int? {
        if let month = monthsByName[name] { return month }
        let prefix = String(name.prefix(3))
        if let month = monthsByPrefix[prefix] { return month }
        return nil
    }

    private static let monthsByPrefix: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
        "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
    ]

    private static let monthsByName: [String: Int] = [
        // Misspellings and long forms seen in the wild.
        "sept": 9, "janv": 1, "févr": 2, "fevr": 2, "avr": 4, "mai": 5, "juin": 6, "juil": 7, "août": 8,
        "aout": 8, "déc": 12,
        // French.
        "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "juillet": 7,
        "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
        // German.
        "januar": 1, "jän": 1, "jänner": 1, "februar": 2, "mär": 3, "märz": 3, "maerz": 3, "mrz": 3,
        "okt": 10, "oktober": 10, "dez": 12, "dezember": 12, "juni": 6, "juli": 7,
        // Spanish and Portuguese.
        "ene": 1, "enero": 1, "febrero": 2, "fev": 2, "fevereiro": 2, "marzo": 3, "março": 3, "abr": 4,
        "abril": 4, "mayo": 5, "maio": 5, "junio": 6, "junho": 6, "julio": 7, "julho": 7, "ago": 8,
        "agosto": 8, "set": 9, "setembro": 9, "septiembre": 9, "out": 10, "outubro": 10, "octubre": 10,
        "noviembre": 11, "novembro": 11, "dic": 12, "diciembre": 12, "dezembro": 12,
        // Italian and Dutch.
        "gen": 1, "gennaio": 1, "febbraio": 2, "mag": 5, "maggio": 5, "giu": 6, "giugno": 6,
        "lug": 7, "luglio": 7, "ott": 10, "ottobre": 10, "aprile": 4, "settembre": 9, "dicembre": 12,
        "mrt": 3, "maart": 3, "mei": 5, "januari": 1, "februari": 2, "augustus": 8,
    ]

    /// Whether `word` is (the start of) a weekday name in a language feeds use.
    static func isWeekday(_ word: String) -> Bool {
        let prefix = String(word.prefix(3))
        return [
            "mon", "tue", "wed", "thu", "fri", "sat", "sun", "lun", "mer", "jeu", "ven", "sam",
            "dim", "mié", "mie", "jue", "vie", "sáb", "sab", "dom", "seg", "ter", "qua", "qui", "sex",
            "son", "die", "mit", "don", "fre", "mo", "di", "mi", "do", "fr", "sa", "so",
        ].contains(prefix)
    }

    /// Offsets east of UTC in seconds for zone names (RFC 822's single military letters A, M, N
    /// and Y included, with their historical signs).
    static func zoneOffset(_ name: String) -> Int? {
        zoneHours[name].map { Int($0 * 3600) }
    }

    private static let zoneHours: [String: Double] = [
        "a": -1, "m": -12, "n": 1, "y": 12,
        "ut": 0, "utc": 0, "gmt": 0, "z": 0, "wet": 0, "bst": 1, "ist": 5.5, "west": 1,
        "cet": 1, "met": 1, "cest": 2, "mest": 2, "eet": 2, "eest": 3, "msk": 3, "msd": 4,
        "adt": -3, "ast": -4, "at": -4, "edt": -4, "est": -5, "et": -5, "cdt": -5, "cst": -6, "ct": -6,
        "mdt": -6, "mst": -7, "mt": -7, "pdt": -7, "pst": -8, "pt": -8, "akst": -9, "akdt": -8,
        "hst": -10, "nzst": 12, "nzdt": 13, "aest": 10, "aedt": 11, "acst": 9.5, "awst": 8,
        "jst": 9, "kst": 9, "hkt": 8, "sgt": 8, "pht": 8, "wib": 7, "brt": -3, "art": -3,
    ]
}
