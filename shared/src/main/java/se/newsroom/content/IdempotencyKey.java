package se.newsroom.content;

/**
 * An editor's {@code Idempotency-Key} for a create (IETF draft-ietf-httpapi-idempotency-key-header): the same key
 * from the same editor with the same request makes one article, however often it is sent.
 *
 * @param owner       whose key it is (the editor's {@code sub}); keys of different editors never meet
 * @param key         the header's value
 * @param fingerprint a hash of the request body; the same key with another body is refused
 */
public record IdempotencyKey(String owner, String key, String fingerprint) {
}
