package se.newsroom.config;

/** The environment variables the functions read, named once; template.yaml sets them. */
public final class EnvNames {
    /** The content table's name (template.yaml: {@code !Ref ContentTable}). */
    public static final String TABLE_NAME = "TABLE_NAME";
    /** Set by the Lambda runtime; the SDK clients' region. */
    public static final String AWS_REGION = "AWS_REGION";
    /** Optional: a DynamoDB endpoint override, set only for the local emulators. */
    public static final String DYNAMODB_ENDPOINT = "DYNAMODB_ENDPOINT";
    /** Optional: the site's time zone for dates shown to people; defaults to Europe/Stockholm. */
    public static final String SITE_TIME_ZONE = "SITE_TIME_ZONE";
    /** Set to {@code true} by SAM CLI in the containers of {@code sam local}; never set by Lambda. */
    public static final String AWS_SAM_LOCAL = "AWS_SAM_LOCAL";
    /** Optional, read only under {@code sam local}: the editor token of local/sam-env.json (SamLocalEditor). */
    public static final String SAM_LOCAL_EDITOR_TOKEN = "SAM_LOCAL_EDITOR_TOKEN";
    /**
     * The public record's write-once bucket (template.yaml: {@code !Ref RecordsBucket}): PublicRecordFunction writes
     * it, ArticlesFunction reads it for {@code GET /api/articles/{id}/record}.
     */
    public static final String RECORDS_BUCKET = "RECORDS_BUCKET";

    /**
     * Optional: who readers ask to have their comments erased (e.g. an email address), named in the default privacy
     * notice (template.yaml: PrivacyContact). Read by the articles and render functions.
     */
    public static final String PRIVACY_CONTACT = "PRIVACY_CONTACT";

    private EnvNames() {
    }
}
