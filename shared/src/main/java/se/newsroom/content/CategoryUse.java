package se.newsroom.content;

import java.text.Collator;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A category as the editors' desk offers it: its name, its slug (its page is {@code /kategori/<slug>/}) and how many
 * articles have it.
 */
public record CategoryUse(String name, String slug, int count) {
    private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

    /**
     * The categories of these articles (each article's list of names), one per {@link Categories#slug slug}, sorted
     * as Swedish sorts names (å, ä, ö after z; case and accents second). Of names that differ only in case, the one
     * most articles use is shown (on a tie, the first in that order).
     */
    public static List<CategoryUse> tally(Collection<List<String>> categoriesOfEachArticle) {
        Collator collator = Collator.getInstance(SWEDISH);
        Map<String, Map<String, Integer>> spellingsBySlug = new LinkedHashMap<>();
        for (List<String> names : categoriesOfEachArticle) {
            Set<String> counted = new HashSet<>();
            for (String name : names) {
                String slug = Categories.slug(name);
                if (counted.add(slug)) { // an article counts once in a category, however it spells it
                    spellingsBySlug.computeIfAbsent(slug, k -> new HashMap<>()).merge(name, 1, Integer::sum);
                }
            }
        }
        return spellingsBySlug.entrySet().stream().map(e -> {
            Map<String, Integer> spellings = e.getValue();
            String name = spellings.keySet().stream()
                    .min(Comparator.<String>comparingInt(spellings::get).reversed().thenComparing(collator))
                    .orElseThrow();
            int count = spellings.values().stream().mapToInt(Integer::intValue).sum();
            return new CategoryUse(name, e.getKey(), count);
        }).sorted(Comparator.comparing(CategoryUse::name, collator).thenComparing(CategoryUse::slug)).toList();
    }
}
