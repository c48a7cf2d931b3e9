package se.newsroom.notify;

import se.newsroom.content.ReviewSubmission;

/** The publishers' notice, in Swedish, of an article submitted for review: its title, author, saver and desk link. */
public final class ReviewText {
    private final String siteUrl;

    /** {@code siteUrl}: the site's public address, without a trailing slash. */
    public ReviewText(String siteUrl) {
        this.siteUrl = siteUrl;
    }

    /** The notice of one submission. */
    public Notice review(ReviewSubmission s) {
        String title = s.title().isBlank() ? "(utan rubrik)" : s.title();
        StringBuilder text = new StringBuilder("En artikel väntar på granskning innan den kan publiceras:\n\n")
                .append("  ").append(title).append('\n')
                .append("  Skribent: ").append(s.author().isBlank() ? "(ingen angiven)" : s.author()).append('\n');
        s.submittedBy().ifPresent(name -> text.append("  Skickad till granskning av: ").append(name).append('\n'));
        text.append('\n').append("Granska den i redaktionen: ").append(siteUrl).append("/redaktion/#/artiklar/")
                .append(s.articleId()).append("\n\n")
                .append("Ett meddelande från Newsroom till publicerarna, ett för varje artikel som skickas till "
                        + "granskning.\n");
        return Notice.of("Att granska: " + title, text.toString());
    }
}
