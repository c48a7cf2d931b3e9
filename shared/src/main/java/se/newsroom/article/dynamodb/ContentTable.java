package se.newsroom.article.dynamodb;

/** The content table's key and index names, as template.yaml declares them (a test holds the two together). */
public final class ContentTable {
    public static final String PK = "PK";
    public static final String SK = "SK";
    /** Index of articles by status, sorted by the date that matters for that status. */
    public static final String ARTICLES_BY_STATUS = "ArticlesByStatus";
    public static final String STATUS_KEY = "statusKey";
    public static final String STATUS_SORT = "statusSort";
    /** Sparse index of pending comments, oldest first. */
    public static final String MODERATION_QUEUE = "ModerationQueue";
    public static final String QUEUE_KEY = "queueKey";
    public static final String QUEUE_SORT = "queueSort";
    /** The TTL attribute (epoch seconds). */
    public static final String EXPIRES_AT = "expiresAt";

    public static final String ARTICLE_PREFIX = "ARTICLE#";
    static final String ARTICLE_SK = "A";
    public static final String SLUG_PREFIX = "SLUG#";
    static final String SLUG_SK = "S";

    private ContentTable() {
    }
}
