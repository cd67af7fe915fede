/// The text cleaning the parser applies to titles and summaries, for callers that meet HTML
/// elsewhere (an adapter scraping a page, a benchmark).
public enum FeedText {
    /// Clean text of an HTML fragment: tags dropped (block-level ones leave a space), script and
    /// style content dropped, character references decoded, white space folded, ends trimmed.
    public static func plainText(fromHTML html: String) -> String {
        HTMLText.plainText(fromHTML: html)
    }

    /// `html` with only harmless markup kept: no script/style/iframe/object, no `on*` or
    /// `style` attributes, no `javascript:` URLs; relative links resolved against `baseURL`.
    public static func sanitizedHTML(_ html: String, baseURL: String? = nil) -> String {
        HTMLSanitizer.sanitize(html, base: baseURL)
    }
}
