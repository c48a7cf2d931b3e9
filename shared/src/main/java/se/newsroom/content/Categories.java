package se.newsroom.content;

/** Category names and their pages: {@code /kategori/<slug>/}, slugged as WordPress slugs its terms. */
public final class Categories {
    private Categories() {
    }

    /** The slug of a category name, e.g. "Individ och familj" → {@code individ-och-familj}. */
    public static String slug(String name) {
        String slug = Slugs.of(name);
        return slug.isEmpty() ? "kategori" : slug;
    }

    /** The site path of a category's page. */
    public static String path(String name) {
        return "/kategori/" + slug(name) + "/";
    }
}
