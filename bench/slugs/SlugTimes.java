import se.newsroom.content.Slugs;

/** Times Slugs.of on hostile titles: 40,000 of one character each, the size an API body allows many times over. */
public final class SlugTimes {
    public static void main(String[] args) {
        String[] characters = {"<", "\u2039", "&", "-", " ", "a", "\u0301"};
        for (int round = 0; round < 2; round++) { // the first round warms the JIT up
            for (String c : characters) {
                String title = c.repeat(40_000);
                long start = System.nanoTime();
                Slugs.of(title);
                long micros = (System.nanoTime() - start) / 1_000;
                if (round == 1) {
                    System.out.printf("U+%04X x 40,000: %,d µs%n", c.codePointAt(0), micros);
                }
            }
        }
    }
}
