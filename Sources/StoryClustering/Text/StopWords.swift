/// Words that say nothing about which event an article reports.
///
/// General lists, nothing specific to any data set: English and French function words, and the
/// words news outlets put around a headline to mark its form (“Live updates”, “What we know so far”,
/// “Video”), which would otherwise glue unrelated stories together. (In a window of mostly English
/// news, French articles and prepositions are rare, so weigh much: “la, de, le, du” once joined 47
/// unrelated French articles into one story.)
enum StopWords {
    /// Whether `word` (lowercased, as the tokenizer writes it) is ignored.
    static func contains(_ word: String) -> Bool {
        functionWords.contains(word) || frenchFunctionWords.contains(word) || headlineBoilerplate.contains(word)
    }

    /// French articles, prepositions, pronouns and auxiliaries (elided forms, `l’`, `d’`, `qu’`, are
    /// cut off by the tokenizer). Not `son` and `sa`, which are English words too.
    static let frenchFunctionWords: Set<String> = [
        "le", "la", "les", "un", "une", "des", "du", "de", "au", "aux", "et", "ou", "où", "en", "dans", "sur",
        "pour", "par", "avec", "sans", "sous", "à", "est", "sont", "été", "être", "ont", "avait", "était",
        "il", "elle", "ils", "elles", "nous", "vous", "je", "tu", "ce", "cette", "ces", "cet", "qui", "que",
        "quoi", "dont", "ses", "leur", "leurs", "mon", "ma", "mes", "ne", "pas", "plus", "se", "lui", "mais",
        "comme", "après", "avant", "selon", "entre", "contre", "depuis", "pendant", "chez", "vers", "tout",
        "tous", "toute", "toutes", "très", "aussi", "encore", "déjà", "même", "deux", "trois", "fait", "dit",
        "direct", "vidéo",
    ]

    /// English function words, pronouns, auxiliaries and contractions (apostrophes already removed).
    static let functionWords: Set<String> = [
        "a", "about", "above", "across", "after", "again", "against", "ago", "all", "almost", "along", "also",
        "although", "am", "among", "an", "and", "another", "any", "are", "around", "as", "at", "be", "because",
        "been", "before", "behind", "being", "below", "beside", "between", "beyond", "both", "but", "by", "can",
        "cannot", "cant", "could", "couldnt", "did", "didnt", "do", "does", "doesnt", "doing", "done", "dont",
        "down", "during", "each", "either", "else", "ever", "every", "few", "for", "from", "further", "had",
        "hadnt", "has", "hasnt", "have", "havent", "having", "he", "her", "here", "hers", "herself", "him",
        "himself", "his", "how", "however", "i", "if", "in", "inside", "into", "is", "isnt", "it", "its", "itself",
        "just", "least", "less", "like", "many", "may", "me", "might", "mine", "more", "most", "much", "must",
        "my", "myself", "near", "neither", "next", "no", "nor", "not", "now", "of", "off", "often", "on", "once",
        "one", "only", "onto", "or", "other", "others", "our", "ours", "ourselves", "out", "over", "own", "per",
        "perhaps", "rather", "same", "shall", "she", "should", "shouldnt", "since", "so", "some", "still", "such",
        "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this",
        "those", "though", "through", "thus", "to", "too", "toward", "towards", "under", "unless", "until", "up",
        "upon", "us", "very", "via", "vs", "was", "wasnt", "we", "were", "werent", "what", "whatever", "when",
        "where", "whether", "which", "while", "who", "whom", "whose", "why", "will", "with", "within", "without",
        "wont", "would", "wouldnt", "yet", "you", "your", "yours", "yourself", "yourselves",
        "say", "says", "said", "get", "gets", "got", "make", "makes", "made", "new", "two", "three",
    ]

    /// Words that describe the form of a news item rather than its subject.
    static let headlineBoilerplate: Set<String> = [
        "update", "updates", "updated", "live", "breaking", "video", "videos", "watch", "photo", "photos",
        "pictures", "gallery", "exclusive", "analysis", "opinion", "explainer", "explained", "report", "reports",
        "know", "far", "latest", "news", "today", "week", "what", "things", "need", "happened", "happening",
        "newsletter", "podcast", "interview", "recap", "highlights", "roundup", "brief", "briefing",
    ]
}
