package se.newsroom.notify;

/**
 * One notification: an email's subject and its plain text, as SNS sends it to a topic's email subscribers.
 *
 * @param subject one line, shorter than SNS's 100 characters ({@link #of} makes it so)
 */
public record Notice(String subject, String text) {
    /** SNS refuses a subject of 100 characters or more. */
    static final int MAX_SUBJECT = 99;

    /** A notice whose subject is one line, cut with an ellipsis to fit SNS's limit. */
    public static Notice of(String subject, String text) {
        String line = subject.replaceAll("\\s+", " ").strip();
        if (line.length() > MAX_SUBJECT) {
            line = line.substring(0, MAX_SUBJECT - 1).strip() + "…";
        }
        return new Notice(line, text);
    }
}
