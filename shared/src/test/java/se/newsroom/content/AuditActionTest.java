package se.newsroom.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditActionTest {

    @Test
    void ofSave_shouldNameWhatTheStatusChangeDid() {
        assertThat(AuditAction.ofSave(ArticleStatus.DRAFT, ArticleStatus.DRAFT)).isEqualTo(AuditAction.EDIT);
        assertThat(AuditAction.ofSave(ArticleStatus.DRAFT, ArticleStatus.PUBLISHED)).isEqualTo(AuditAction.PUBLISH);
        assertThat(AuditAction.ofSave(ArticleStatus.DRAFT, ArticleStatus.SCHEDULED)).isEqualTo(AuditAction.SCHEDULE);
        assertThat(AuditAction.ofSave(ArticleStatus.SCHEDULED, ArticleStatus.PUBLISHED))
                .isEqualTo(AuditAction.PUBLISH);
        assertThat(AuditAction.ofSave(ArticleStatus.PUBLISHED, ArticleStatus.PUBLISHED)).isEqualTo(AuditAction.EDIT);
        assertThat(AuditAction.ofSave(ArticleStatus.PUBLISHED, ArticleStatus.DRAFT)).isEqualTo(AuditAction.UNPUBLISH);
        assertThat(AuditAction.ofSave(ArticleStatus.SCHEDULED, ArticleStatus.DRAFT))
                .isEqualTo(AuditAction.UNPUBLISH);
    }

    @Test
    void wireName_shouldBeWhatTheApiAndTableCarry_andReadBack() {
        assertThat(AuditAction.DELETE_COMMENT.wireName()).isEqualTo("delete-comment");
        for (AuditAction action : AuditAction.values()) {
            assertThat(AuditAction.fromWireName(action.wireName())).contains(action);
        }
        assertThat(AuditAction.fromWireName("radera")).isEmpty();
    }

    @Test
    void ofModeration_shouldNameEachStatusAModeratorSets() {
        assertThat(AuditAction.ofModeration(CommentStatus.APPROVED)).isEqualTo(AuditAction.APPROVE);
        assertThat(AuditAction.ofModeration(CommentStatus.REJECTED)).isEqualTo(AuditAction.REJECT);
        assertThat(AuditAction.ofModeration(CommentStatus.SPAM)).isEqualTo(AuditAction.SPAM);
        assertThat(AuditAction.ofModeration(CommentStatus.PENDING)).isEqualTo(AuditAction.REQUEUE);
    }
}
