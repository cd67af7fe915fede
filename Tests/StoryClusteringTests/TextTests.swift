import XCTest

@testable import StoryClustering

/// Tokenizer, stemmer, stop words and wire slugs.
final class TextTests: XCTestCase {
    private func words(_ text: String) -> [String] { Tokenizer.tokens(of: text).map(\.text) }

    func testTokenizerSplitsAndNormalisesNewsText() {
        XCTAssertEqual(
            words("Insurgent alliance strikes at heart of Mali’s junta"),
            ["insurgent", "alliance", "strikes", "at", "heart", "of", "mali", "junta"])
        XCTAssertEqual(
            words("What’s driving attacks against gov’t and Russian forces?"),
            ["what", "driving", "attacks", "against", "govt", "and", "russian", "forces"])
        XCTAssertEqual(
            words("U.S. stocks fall; Apple's iOS 7.1 out, 74,500 flights grounded"),
            ["us", "stocks", "fall", "apple", "ios", "7.1", "out", "74500", "flights", "grounded"])
        XCTAssertEqual(
            words("al-Qaeda-linked jihadists — “unprecedented” MH370 Zürich"),
            ["al", "qaeda", "linked", "jihadists", "unprecedented", "mh370", "zürich"])
    }

    /// QA: `s’est`, `d’un` became the words `sest` and `dun`, which joined unrelated French stories.
    func testFrenchAndItalianElisionsAreCutOff() {
        XCTAssertEqual(
            words("L’Inde s’est posée près du pôle Sud, qu’il dit d’un ton sûr, jusqu’à l’été dell’Italia"),
            [
                "inde", "est", "posée", "près", "du", "pôle", "sud", "il", "dit", "un", "ton", "sûr", "à", "été",
                "italia",
            ])
        XCTAssertEqual(
            words("All’s well: rock ’n’ roll, O’Brien’s d’you"),
            ["all", "well", "rock", "n", "roll", "obrien", "you"], "English apostrophes are read as before")
        let capital = Tokenizer.tokens(of: "Selon l’Élysée").last
        XCTAssertEqual(capital?.text, "élysée")
        XCTAssertEqual(capital?.isCapitalised, true)
        XCTAssertTrue(["la", "de", "du", "des", "une", "est"].allSatisfy(StopWords.contains))
        XCTAssertFalse(StopWords.contains("son"), "an English word too")
    }

    func testTokenizerMarksCapitalsAndSentenceStarts() {
        let tokens = Tokenizer.tokens(of: "Rebels attacked Bamako. The NSA said Mt. Gox failed: iPhone")
        let flags = Dictionary(uniqueKeysWithValues: tokens.map { ($0.text, $0) })
        XCTAssertTrue(flags["rebels"]!.startsSentence)
        XCTAssertFalse(flags["attacked"]!.isCapitalised)
        XCTAssertTrue(flags["bamako"]!.isCapitalised)
        XCTAssertFalse(flags["bamako"]!.startsSentence)
        XCTAssertTrue(flags["the"]!.startsSentence)
        XCTAssertTrue(flags["nsa"]!.isAllCapitals)
        XCTAssertFalse(flags["gox"]!.startsSentence, "a dot after `Mt` is an abbreviation")
        XCTAssertTrue(flags["iphone"]!.isCapitalised)
        XCTAssertTrue(flags["iphone"]!.startsSentence, "after a colon")
    }

    func testTokenizerMakesRoomForLettersThatLengthenWhenLowercased() {
        // `İ` (2 bytes) lowercases to 3 bytes, `Ⱥ` (2 bytes) to `ⱥ` (3 bytes): the word buffer is sized for it.
        let text = String(repeating: "İȺ", count: 50)
        XCTAssertEqual(words(text), [text.lowercased()])
        XCTAssertEqual(words("İstanbul Ⱥ x"), ["i̇stanbul", "ⱥ", "x"])
    }

    func testTokenizerIsSafeOnOddInput() {
        XCTAssertEqual(words(""), [])
        XCTAssertEqual(words("... --- '''"), [])
        XCTAssertEqual(words("'s"), ["s"])
        XCTAssertEqual(words("end with apostrophe'"), ["end", "with", "apostrophe"])
        XCTAssertEqual(words("A."), ["a"])
        XCTAssertEqual(words(String(decoding: [0x41, 0xFF, 0x42, 0xE2, 0x80], as: UTF8.self)), ["a", "b"])
    }

    func testPorterStemmerMatchesTheReferenceVocabulary() {
        let expected = [
            "caresses": "caress", "ponies": "poni", "cats": "cat", "agreed": "agre", "plastered": "plaster",
            "motoring": "motor", "hopping": "hop", "falling": "fall", "filing": "file", "happy": "happi",
            "relational": "relat", "conditional": "condit", "digitizer": "digit", "vietnamization": "vietnam",
            "hopefulness": "hope", "electrical": "electr", "adjustment": "adjust", "adoption": "adopt",
            "activate": "activ", "controll": "control", "generalizations": "gener", "attacks": "attack",
            "attacked": "attack", "attacking": "attack", "bankruptcy": "bankruptci",
        ]
        for (word, stem) in expected { XCTAssertEqual(PorterStemmer.stem(word), stem, word) }
        XCTAssertEqual(PorterStemmer.stem("zürich"), "zürich", "non-ASCII words are left alone")
        XCTAssertEqual(PorterStemmer.stem("7.1"), "7.1")
    }

    func testStopWordsCoverFunctionWordsAndBoilerplate() {
        for word in ["the", "of", "what", "live", "updates", "know", "far", "video"] {
            XCTAssertTrue(StopWords.contains(word), word)
        }
        for word in ["mali", "attacks", "bankruptcy", "earthquake"] { XCTAssertFalse(StopWords.contains(word), word) }
    }

    func testWireSlugsAreRemoved() {
        XCTAssertEqual(WireSlug.strip("UPDATE 2-Mt. Gox files US bankruptcy"), "Mt. Gox files US bankruptcy")
        XCTAssertEqual(WireSlug.strip("GLOBAL MARKETS-World stocks dip"), "World stocks dip")
        XCTAssertEqual(WireSlug.strip("US STOCKS-Wall Street edges lower"), "Wall Street edges lower")
        XCTAssertEqual(WireSlug.strip("US-China talks resume"), "US-China talks resume")
        XCTAssertEqual(WireSlug.strip("Hong Kong H-shares fall"), "Hong Kong H-shares fall")
        XCTAssertEqual(WireSlug.strip("NYSE-listed firms"), "NYSE-listed firms")
        XCTAssertEqual(WireSlug.strip(""), "")
    }

    func testAcronymsSurviveTheStopList() {
        var table = TermTable()
        var extractor = FeatureExtractor()
        let us = extractor.terms(title: "US sanctions hit exports", summary: "", table: &table)
        let pronoun = extractor.terms(title: "Tell us about exports", summary: "", table: &table)
        XCTAssertNotNil(table.existingWord("us"))
        XCTAssertTrue(us.ids.contains(table.existingWord("us")!))
        XCTAssertFalse(pronoun.ids.contains(table.existingWord("us")!))
    }

    func testPairsReadAsWritten() {
        var table = TermTable()
        var extractor = FeatureExtractor()
        let terms = extractor.terms(title: "Mt. Gox files for bankruptcy", summary: "", table: &table)
        let names = terms.ids.map { table.displayName(of: $0) }
        XCTAssertEqual(Set(names), ["mt", "gox", "files", "bankruptcy", "mt gox", "gox files"])
    }

    func testDemonymsFoldIntoKnownNames() {
        var table = TermTable()
        var extractor = FeatureExtractor()
        let mali = "Armed groups attacked towns in Mali on Sunday. Officials in Mali said troops responded."
        _ = extractor.terms(title: "Attacks in Mali", summary: mali, table: &table)
        let malian = extractor.terms(title: "The Malian army responds", summary: "", table: &table)
        XCTAssertTrue(malian.ids.contains(table.existingWord("mali")!), "`Malian` folds into the name `Mali`")
        let guardian = extractor.terms(title: "A guardian of the guard", summary: "The guard stood by.", table: &table)
        XCTAssertNotNil(table.existingWord("guardian"), "`guard` is no name, so `guardian` stays itself")
        XCTAssertEqual(guardian.count, 3, "guardian, guard, stood")
        XCTAssertEqual(Demonyms.candidateBases(of: "ukrainian").first.map(PorterStemmer.stem), "ukrainia")
        XCTAssertTrue(Demonyms.candidateBases(of: "ukrainian").map(PorterStemmer.stem).contains("ukrain"))
        XCTAssertTrue(Demonyms.candidateBases(of: "chinese").contains("china"))
        XCTAssertEqual(Demonyms.candidateBases(of: "mali"), [])
    }

    func testInlineKeyIsTheFirstSixteenBytesZeroPadded() {
        let text = Array("abcdefghijklmnopqrstuvwxyz".utf8)
        for length in 0...20 {
            // The word sits inside a longer buffer: nothing past its end may be read into the key.
            let expected = text.withUnsafeBufferPointer { whole -> (UInt64, UInt64) in
                var key: (UInt64, UInt64) = (0, 0)
                withUnsafeMutableBytes(of: &key) { raw in
                    for index in 0..<min(length, 16) { raw[index] = whole[3 + index] }
                }
                return (UInt64(littleEndian: key.0), UInt64(littleEndian: key.1))
            }
            let key = text.withUnsafeBufferPointer {
                Lexicon.inlineKey(UnsafeBufferPointer(rebasing: $0[3..<3 + length]))
            }
            XCTAssertEqual(key.0, expected.0, "length \(length)")
            XCTAssertEqual(key.1, expected.1, "length \(length)")
        }
    }

    func testLexiconFindsEveryWordAgainAfterGrowing() {
        var lexicon = Lexicon()
        var table = TermTable()
        let words =
            (0..<20_000).map { "word\($0)" } + [
                "internationalisation", "internationalisations", "internationalisationz", "counterrevolutionaries",
            ]
        var first: [String: TermID] = [:]
        for word in words {
            var bytes = Array(word.utf8)
            first[word] = bytes.withUnsafeMutableBufferPointer {
                lexicon.term(of: UnsafeBufferPointer($0), keepingStopWord: false, in: &table)
            }
        }
        for word in words.reversed() {
            var bytes = Array(word.utf8)
            let again = bytes.withUnsafeMutableBufferPointer {
                lexicon.term(of: UnsafeBufferPointer($0), keepingStopWord: false, in: &table)
            }
            XCTAssertEqual(again, first[word], word)
        }
        XCTAssertEqual(
            Set(first.values.compactMap { $0 }).count, words.count - 1,
            "two spellings share a stem: internationalisation(s)")
        var the = Array("the".utf8)
        XCTAssertNil(
            the.withUnsafeMutableBufferPointer {
                lexicon.term(of: UnsafeBufferPointer($0), keepingStopWord: false, in: &table)
            })
    }

    func testLongSummariesAreReadOnlyInPart() {
        var table = TermTable()
        var extractor = FeatureExtractor()
        let body = (0..<500).map { "word\($0)" }.joined(separator: " ")
        let terms = extractor.terms(title: "Short title", summary: body, table: &table)
        XCTAssertEqual(
            terms.count, 3 + FeatureExtractor.summaryWordLimit, "short, title, their pair, and the lead words")
    }

    func testSentenceSplitterKeepsAbbreviations() {
        XCTAssertEqual(
            SentenceSplitter.sentences(of: "Mt. Gox failed. U.S. regulators acted! What next? Nothing."),
            ["Mt. Gox failed.", "U.S. regulators acted!", "What next?", "Nothing."])
        XCTAssertEqual(SentenceSplitter.sentences(of: "  "), [])
        XCTAssertEqual(
            SentenceSplitter.sentences(of: "Prices rose 2.5 percent. Markets fell."),
            ["Prices rose 2.5 percent.", "Markets fell."])
    }
}
