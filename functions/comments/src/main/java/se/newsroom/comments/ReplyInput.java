package se.newsroom.comments;

/**
 * What a member of the newsroom sends to reply as the newsroom: no name or address, since the reply is signed with
 * the editor's name from the token and marked "Redaktionen".
 *
 * @param parentId the approved comment answered; absent for a comment of the newsroom's own on the article
 */
public record ReplyInput(String parentId, String body) {
}
