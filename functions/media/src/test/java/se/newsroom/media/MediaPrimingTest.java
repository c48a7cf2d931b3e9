package se.newsroom.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MediaPrimingTest {
    @Test
    void run_shouldMakeAJpegsAndAnAlphaPngsVariants_withoutAnyService() {
        // a 640 px JPEG gives its 480 variant; a 64 px PNG one at its own width
        assertThat(MediaPriming.run(new ImageVariants())).isEqualTo(2);
    }
}
