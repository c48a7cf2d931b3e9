package se.newsroom.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static se.newsroom.importer.Exports.comment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import se.newsroom.content.CommentStatus;
import se.newsroom.importer.CommentThreads.Kept;
import se.newsroom.importer.CommentThreads.Left;
import se.newsroom.importer.wxr.WxrComment;

/** A post's comments sorted out: states, threads, and what is left out or re-threaded. */
class CommentThreadsTest {
    private static final String T = "2019-12-04T10:00:00Z";

    @Test
    void of_shouldMapWordPressStates_andLeaveOutTrashPingbacksAndTrackbacks() {
        CommentThreads threads = CommentThreads.of(List.of(
                comment(1, 0, "1", "", "A", "a@example.se", T, "ok"),
                comment(2, 0, "0", "comment", "B", "b@example.se", T, "väntar"),
                comment(3, 0, "spam", "", "C", "c@example.se", T, "spam"),
                comment(4, 0, "trash", "", "D", "d@example.se", T, "bort"),
                comment(5, 0, "post-trashed", "", "E", "e@example.se", T, "bort"),
                comment(6, 0, "1", "pingback", "F", "", T, "ping"),
                comment(7, 0, "1", "trackback", "G", "", T, "track")));

        assertThat(threads.kept()).extracting(Kept::status).containsExactly(CommentStatus.APPROVED,
                CommentStatus.PENDING, CommentStatus.SPAM);
        assertThat(threads.left()).extracting(l -> l.comment().id()).containsExactly(4L, 5L, 6L, 7L);
        assertThat(threads.left()).extracting(Left::reason).anyMatch(r -> r.contains("papperskorgen"))
                .anyMatch(r -> r.contains("pingback"));
    }

    @Test
    void of_shouldThreadReplies_evenWhenAReplyComesBeforeItsParent() {
        CommentThreads threads = CommentThreads.of(List.of(
                comment(3, 2, "1", "", "C", "c@example.se", T, "svar på svar"),
                comment(1, 0, "1", "", "A", "a@example.se", T, "först"),
                comment(2, 1, "1", "", "B", "b@example.se", T, "svar")));

        assertThat(threads.find(3)).hasValueSatisfying(k -> {
            assertThat(k.parent()).contains(2L);
            assertThat(k.depth()).isEqualTo(3);
        });
        assertThat(threads.kept()).extracting(k -> k.comment().id()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aReplyToAMissingOrLeftOutComment_shouldBecomeTopLevel_sayingWhichParent() {
        CommentThreads threads = CommentThreads.of(List.of(
                comment(1, 0, "trash", "", "A", "a@example.se", T, "bort"),
                comment(2, 1, "1", "", "B", "b@example.se", T, "svar på borttagen"),
                comment(3, 99, "1", "", "C", "c@example.se", T, "svar på saknad")));

        assertThat(threads.kept()).allSatisfy(k -> {
            assertThat(k.parent()).isEmpty();
            assertThat(k.depth()).isEqualTo(1);
        });
        assertThat(threads.kept()).extracting(Kept::orphanOf).containsExactly(1L, 99L);
    }

    @Test
    void aCycleInABrokenExport_shouldEndAtTopLevel_andDeepThreadsStopAtTheSitesDepth() {
        CommentThreads cycle = CommentThreads.of(List.of(
                comment(1, 2, "1", "", "A", "a@example.se", T, "a"),
                comment(2, 1, "1", "", "B", "b@example.se", T, "b")));
        assertThat(cycle.kept()).anySatisfy(k -> assertThat(k.parent()).isEmpty());
        assertThat(cycle.kept()).extracting(Kept::depth).containsExactlyInAnyOrder(1, 2);

        List<WxrComment> deep = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            deep.add(comment(i, i - 1, "1", "", "A", "a@example.se", T, "nivå " + i));
        }
        assertThat(CommentThreads.of(deep).find(8)).hasValueSatisfying(k -> {
            assertThat(k.depth()).isEqualTo(CommentThreads.MAX_DEPTH);
            assertThat(k.parent()).isEqualTo(Optional.of(7L));
        });
    }
}
