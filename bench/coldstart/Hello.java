/** The baseline: a JVM that starts, prints and exits. */
public final class Hello {
    public static void main(String[] args) {
        System.out.println("hello");
    }
}
