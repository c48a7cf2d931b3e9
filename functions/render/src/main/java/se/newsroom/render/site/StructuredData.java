package se.newsroom.render.site;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import se.newsroom.json.Json;
import se.newsroom.render.site.Views.Crumb;
import se.newsroom.render.site.Views.SocialImage;

/**
 * The pages' JSON-LD (schema.org, as search engines read it): a {@code NewsArticle} and a {@code BreadcrumbList},
 * built with Jackson and made safe to put inside a {@code <script>} element.
 */
final class StructuredData {
    private final SiteSettings site;

    StructuredData(SiteSettings site) {
        this.site = site;
    }

    /**
     * An article's data.
     *
     * @param url       its absolute URL, also the page it is the main entity of
     * @param published ISO 8601 with offset
     * @param modified  the same
     * @param image     its picture, or null
     */
    ObjectNode newsArticle(String headline, String description, String url, String published, String modified,
                           String author, List<String> sections, SocialImage image) {
        ObjectNode article = Json.MAPPER.createObjectNode();
        article.put("@type", "NewsArticle");
        article.put("headline", headline);
        if (!description.isEmpty()) {
            article.put("description", description);
        }
        article.put("url", url);
        article.put("datePublished", published);
        article.put("dateModified", modified);
        article.put("inLanguage", "sv-SE");
        ObjectNode person = article.putObject("author");
        person.put("@type", "Person");
        person.put("name", author);
        article.set("publisher", publisher());
        ObjectNode page = article.putObject("mainEntityOfPage");
        page.put("@type", "WebPage");
        page.put("@id", url);
        if (!sections.isEmpty()) {
            ArrayNode section = article.putArray("articleSection");
            sections.forEach(section::add);
        }
        if (image != null) {
            ObjectNode picture = article.putObject("image");
            picture.put("@type", "ImageObject");
            picture.put("url", image.url());
            picture.put("width", image.width());
            picture.put("height", image.height());
        }
        return article;
    }

    /** The trail of {@code crumbs}, each with its absolute URL (the page's own for the last). */
    ObjectNode breadcrumbs(List<Crumb> crumbs, String pageUrl) {
        ObjectNode list = Json.MAPPER.createObjectNode();
        list.put("@type", "BreadcrumbList");
        ArrayNode items = list.putArray("itemListElement");
        for (int i = 0; i < crumbs.size(); i++) {
            Crumb crumb = crumbs.get(i);
            ObjectNode item = items.addObject();
            item.put("@type", "ListItem");
            item.put("position", i + 1);
            item.put("name", crumb.name());
            item.put("item", crumb.url() == null ? pageUrl : site.absolute(crumb.url()));
        }
        return list;
    }

    /**
     * The script's text for these things: one {@code @graph}, every {@code <} written as its JSON escape (the same
     * string to a JSON parser), so that no value can close the script element or open a comment in it.
     */
    String script(ObjectNode... things) {
        ObjectNode graph = Json.MAPPER.createObjectNode();
        graph.put("@context", "https://schema.org");
        ArrayNode all = graph.putArray("@graph");
        for (ObjectNode thing : things) {
            all.add(thing);
        }
        try {
            return Json.MAPPER.writeValueAsString(graph).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ObjectNode publisher() {
        ObjectNode organization = Json.MAPPER.createObjectNode();
        organization.put("@type", "Organization");
        organization.put("name", site.name());
        organization.put("url", site.absolute("/"));
        ObjectNode logo = organization.putObject("logo");
        logo.put("@type", "ImageObject");
        logo.put("url", site.logo().url(site));
        logo.put("width", site.logo().width());
        logo.put("height", site.logo().height());
        return organization;
    }
}
