package se.newsroom.importer.markdown;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Walks a parsed post body and writes it as Markdown blocks: what is a block in HTML (a paragraph, a heading, a list,
 * a quote, a picture, an unmapped construct) a block in Markdown, everything else inline text of a paragraph.
 */
final class BodyWriter {
    /** Elements that make a block of their own and hold paragraphs; their content is walked as blocks. */
    private static final Set<String> CONTAINERS = Set.of("p", "div", "section", "article", "header", "footer", "main",
            "aside", "nav", "address", "center", "dl", "dt", "dd", "details", "summary", "hgroup", "body", "li");
    /** Elements Markdown cannot say and the site would not show: kept as a marked paragraph each. */
    private static final Set<String> UNMAPPED = Set.of("iframe", "script", "form", "object", "embed", "video",
            "audio", "canvas", "svg", "style", "noscript", "template", "input", "button", "select", "textarea",
            "math", "map", "applet", "frameset", "frame");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    /** Two or more line ends with only spaces between: wpautop's paragraph break. */
    private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t\\r\\f]*(?:\\n[ \\t\\r\\f]*)+");
    /** A URL alone on its line, which WordPress turns into an embed (WP_Embed::autoembed). */
    private static final Pattern BARE_URL = Pattern.compile("https?://[^\\s<>\"]+");
    /** What a paragraph keeps for a hard line break until it is written (whitespace is collapsed before). */
    private static final char BREAK = '\n';

    private final ImageResolver images;
    private final UnaryOperator<String> links;
    private final boolean autop;
    private final List<String> placeholders;
    private final List<String> unmapped = new ArrayList<>();
    private final List<String> missingImages = new ArrayList<>();

    /**
     * @param autop        whether the body is a classic one, stored without {@code <p>}: WordPress's wpautop makes a
     *                     blank line a paragraph break and a single line end a {@code <br>} when it shows it
     * @param placeholders the source of each shortcode placeholder, by its {@code data-n}
     */
    BodyWriter(ImageResolver images, UnaryOperator<String> links, boolean autop, List<String> placeholders) {
        this.images = images;
        this.links = links;
        this.autop = autop;
        this.placeholders = placeholders;
    }

    List<String> unmapped() {
        return unmapped;
    }

    List<String> missingImages() {
        return missingImages;
    }

    /** The children of {@code container} as Markdown blocks. */
    List<String> blocks(Element container) {
        Blocks out = new Blocks();
        children(container, out);
        out.flush();
        return out.blocks;
    }

    private void children(Element parent, Blocks out) {
        for (Node child : parent.childNodes()) {
            block(child, out);
        }
    }

    private void block(Node node, Blocks out) {
        if (node instanceof TextNode text) {
            out.text(text.getWholeText());
            return;
        }
        if (!(node instanceof Element e)) {
            return; // comments (Gutenberg's block delimiters, <!--more-->) and the like
        }
        String tag = e.normalName();
        if (CONTAINERS.contains(tag)) {
            out.flush();
            children(e, out);
            out.flush();
        } else if (HEADINGS.contains(tag)) {
            out.flush();
            out.add(heading(e));
        } else if (tag.equals("ul") || tag.equals("ol")) {
            out.flush();
            out.addList(list(e));
        } else if (tag.equals("blockquote")) {
            out.flush();
            out.add(prefixed("> ", ">", String.join("\n\n", blocks(e))));
        } else if (tag.equals("pre")) {
            out.flush();
            out.add(codeBlock(e));
        } else if (tag.equals("hr")) {
            out.flush();
            out.add("---");
        } else if (tag.equals("table")) {
            out.flush();
            table(e, out);
        } else if (tag.equals("figure")) {
            out.flush();
            figure(e, out);
        } else if (tag.equals("img")) {
            out.flush();
            out.add(image(e));
        } else if (tag.equals("br")) {
            out.lineBreak();
        } else if (UNMAPPED.contains(tag) || tag.equals(Shortcodes.PLACEHOLDER)) {
            out.flush();
            out.add(unmapped(e));
        } else if (holdsBlocks(e)) {
            transparent(e, out);
        } else {
            out.inline(inlineElement(e));
        }
    }

    /**
     * An inline element holding a picture or an unmapped construct (an {@code <a>} around an {@code <img>}, a
     * {@code <span>} around an iframe): those become blocks of their own, the rest of its text a paragraph.
     */
    private void transparent(Element e, Blocks out) {
        if (e.normalName().equals("a")) {
            for (Element inner : e.select("img, " + String.join(", ", UNMAPPED) + ", " + Shortcodes.PLACEHOLDER)) {
                out.flush();
                out.add(inner.normalName().equals("img") ? image(inner) : unmapped(inner));
            }
            Element textOnly = e.clone();
            textOnly.select("img, " + String.join(", ", UNMAPPED) + ", " + Shortcodes.PLACEHOLDER).remove();
            if (!MarkdownText.blank(textOnly.text())) {
                out.inline(inlineElement(textOnly));
            }
            return;
        }
        children(e, out);
    }

    private static boolean holdsBlocks(Element e) {
        return e.selectFirst("img, figure, " + String.join(", ", UNMAPPED) + ", " + Shortcodes.PLACEHOLDER) != null;
    }

    private String heading(Element h) {
        int level = Math.max(2, h.normalName().charAt(1) - '0'); // the page's own h1 is the article's title
        String text = MarkdownText.collapse(inline(h).replace(BREAK, ' ')).strip();
        if (MarkdownText.blank(text)) {
            return "";
        }
        if (text.endsWith("#")) {
            text = text.substring(0, text.length() - 1) + "\\#"; // else a closing sequence, not text
        }
        return "#".repeat(level) + " " + text;
    }

    private String list(Element list) {
        boolean ordered = list.normalName().equals("ol");
        int number = ordered ? startOf(list) : 0;
        List<String> items = new ArrayList<>();
        for (Element item : list.children()) {
            Blocks content = new Blocks();
            block(item, content);
            content.flush();
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < content.blocks.size(); i++) {
                if (i > 0) {
                    body.append(content.lists.contains(i) ? "\n" : "\n\n");
                }
                body.append(content.blocks.get(i));
            }
            String marker = ordered ? (number++) + ". " : "- ";
            items.add(prefixed(marker, " ".repeat(marker.length()), body.toString()));
        }
        return String.join("\n", items);
    }

    private static int startOf(Element ol) {
        try {
            return Math.max(0, Integer.parseInt(ol.attr("start").strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** {@code text} with {@code first} before its first line and {@code rest} before every other non-empty one. */
    private static String prefixed(String first, String rest, String text) {
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder(first).append(lines[0]);
        for (int i = 1; i < lines.length; i++) {
            out.append('\n');
            if (lines[i].isEmpty()) {
                out.append(rest.strip().isEmpty() ? "" : rest.strip());
            } else {
                out.append(rest).append(lines[i]);
            }
        }
        return out.toString().stripTrailing();
    }

    private static String codeBlock(Element pre) {
        String code = pre.wholeText();
        if (code.startsWith("\n")) {
            code = code.substring(1); // as HTML drops it
        }
        code = code.stripTrailing();
        String fence = MarkdownText.fence(code);
        return fence + "\n" + code + "\n" + fence;
    }

    /** A table as a GFM table, when it is one: no merged cells, no table in it, no list or code in a cell. */
    private void table(Element table, Blocks out) {
        List<Element> rows = table.select("tr");
        boolean simple = table.select("table").size() == 1
                && rows.stream().flatMap(r -> cells(r).stream())
                .noneMatch(c -> spans(c, "colspan") || spans(c, "rowspan"))
                && table.select("td ul, td ol, td pre, td blockquote, th ul, th ol, th pre").isEmpty();
        if (!simple || rows.isEmpty()) {
            out.add(unmapped(table));
            return;
        }
        Element caption = table.selectFirst("caption");
        if (caption != null && !MarkdownText.blank(caption.text())) {
            out.add("_" + MarkdownText.collapse(inline(caption).replace(BREAK, ' ')).strip() + "_");
        }
        int columns = rows.stream().mapToInt(r -> cells(r).size()).max().orElse(0);
        StringBuilder md = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            List<Element> cells = cells(rows.get(r));
            md.append('|');
            for (int c = 0; c < columns; c++) {
                String cell = c < cells.size() ? inline(cells.get(c)).replace(BREAK, ' ') : "";
                md.append(' ').append(MarkdownText.collapse(cell).strip().replace("|", "\\|")).append(" |");
            }
            md.append('\n');
            if (r == 0) {
                md.append('|').append(" --- |".repeat(columns)).append('\n');
            }
        }
        out.add(md.toString().stripTrailing());
    }

    private static List<Element> cells(Element row) {
        return row.children().stream().filter(c -> c.normalName().equals("td") || c.normalName().equals("th")).toList();
    }

    /** Whether a cell spans more than one column or row (which a GFM table cannot say). */
    private static boolean spans(Element cell, String attribute) {
        try {
            return Integer.parseInt(cell.attr(attribute).strip()) > 1;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * A figure: an embed (unmapped), or pictures (each a block) with the caption as an italic line under them; a
     * {@code [caption]} shortcode's figure has its caption as loose text beside the picture.
     */
    private void figure(Element figure, Blocks out) {
        if (figure.className().contains("wp-block-embed")) {
            Element wrapper = figure.selectFirst(".wp-block-embed__wrapper");
            String url = (wrapper != null ? wrapper : figure).text().strip();
            out.add(unmapped(url.isEmpty() ? figure.outerHtml() : url));
            return;
        }
        boolean looseCaption = figure.hasClass("wp-caption");
        StringBuilder caption = new StringBuilder();
        for (Node child : figure.childNodes()) {
            if (child instanceof Element e && e.normalName().equals("figcaption")) {
                caption.append(' ').append(inline(e));
            } else if (looseCaption && (child instanceof TextNode
                    || child instanceof Element e && !holdsBlocks(e) && !CONTAINERS.contains(e.normalName()))) {
                caption.append(child instanceof TextNode t ? MarkdownText.escape(t.getWholeText())
                        : inline((Element) child));
            } else {
                block(child, out);
            }
        }
        out.flush();
        String text = MarkdownText.collapse(caption.toString().replace(BREAK, ' ')).strip();
        if (!MarkdownText.blank(text)) {
            out.add("_" + text + "_");
        }
    }

    /** A picture in a paragraph of its own, or the marked paragraph that says it could not be found. */
    private String image(Element img) {
        String src = img.attr("src").strip();
        String alt = MarkdownText.collapse(img.attr("alt")).strip();
        if (src.isEmpty()) {
            return "";
        }
        Optional<String> destination = images.destination(src, alt);
        if (destination.isPresent()) {
            return "![" + MarkdownText.escape(alt) + "](" + MarkdownText.destination(destination.get()) + ")";
        }
        missingImages.add(src);
        return WordPressHtml.MISSING_IMAGE + " " + MarkdownText.code(src)
                + (alt.isEmpty() ? "" : " " + MarkdownText.escape(alt));
    }

    /** The marked paragraph for what the conversion cannot carry, listed as written. */
    private String unmapped(Element e) {
        if (e.normalName().equals(Shortcodes.PLACEHOLDER)) {
            return unmapped(placeholders.get(Integer.parseInt(e.attr("data-n"))));
        }
        return unmapped(e.outerHtml());
    }

    private String unmapped(String source) {
        unmapped.add(source);
        return WordPressHtml.UNMAPPED + " " + MarkdownText.code(source);
    }

    /** An element's content as inline Markdown, with {@link #BREAK} for a hard line break. */
    private String inline(Element e) {
        StringBuilder out = new StringBuilder();
        for (Node child : e.childNodes()) {
            if (child instanceof TextNode text) {
                out.append(inlineText(text.getWholeText()));
            } else if (child instanceof Element inner) {
                out.append(inlineElement(inner));
            }
        }
        return out.toString();
    }

    private String inlineText(String text) {
        if (!autop) {
            return MarkdownText.escape(MarkdownText.collapse(text));
        }
        StringBuilder out = new StringBuilder();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append(BREAK);
            }
            out.append(MarkdownText.escape(MarkdownText.collapse(lines[i])));
        }
        return out.toString();
    }

    private String inlineElement(Element e) {
        String tag = e.normalName();
        return switch (tag) {
            case "strong", "b" -> wrap("**", inline(e));
            case "em", "i", "cite", "dfn", "var" -> wrap("*", inline(e));
            case "code", "kbd", "samp", "tt" -> e.wholeText().isEmpty() ? "" : MarkdownText.code(e.wholeText());
            case "a" -> link(e);
            case "br" -> String.valueOf(BREAK);
            case "img" -> {
                String image = image(e);
                yield image.startsWith("!") ? image : " " + image + " ";
            }
            default -> {
                if (UNMAPPED.contains(tag) || tag.equals(Shortcodes.PLACEHOLDER)) {
                    yield " " + unmapped(e) + " ";
                }
                boolean block = CONTAINERS.contains(tag) || HEADINGS.contains(tag) || tag.equals("figure");
                yield block ? " " + inline(e) + " " : inline(e);
            }
        };
    }

    private String link(Element a) {
        String href = a.attr("href").strip();
        String text = inline(a);
        if (href.isEmpty()) {
            return text;
        }
        if (MarkdownText.blank(text)) {
            text = MarkdownText.escape(href);
        }
        return wrap("[", "](" + MarkdownText.destination(links.apply(href)) + ")", text);
    }

    /** {@code inner} between {@code marker}s, its leading and trailing whitespace outside them (CommonMark's rule). */
    private static String wrap(String marker, String inner) {
        return wrap(marker, marker, inner);
    }

    private static String wrap(String open, String close, String inner) {
        int start = 0;
        while (start < inner.length() && space(inner.charAt(start))) {
            start++;
        }
        int end = inner.length();
        while (end > start && space(inner.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            return inner;
        }
        return inner.substring(0, start) + open + inner.substring(start, end) + close + inner.substring(end);
    }

    private static boolean space(char c) {
        return c == ' ' || c == BREAK || c == '\u00a0';
    }

    /** The blocks written so far and the paragraph being written, line by line. */
    private final class Blocks {
        private final List<String> blocks = new ArrayList<>();
        /** Which of {@link #blocks} are lists (an item's text and its sub-list stay together). */
        private final Set<Integer> lists = new HashSet<>();
        private final StringBuilder paragraph = new StringBuilder();
        /** Where the current line starts in {@link #paragraph}, its plain text, and whether it has markup. */
        private int lineStart;
        private final StringBuilder lineText = new StringBuilder();
        private boolean lineMarkup;

        void add(String block) {
            if (!block.isEmpty()) {
                blocks.add(block);
            }
        }

        void addList(String list) {
            if (!list.isEmpty()) {
                lists.add(blocks.size());
                blocks.add(list);
            }
        }

        /** A text node at block level: in a classic body a blank line ends the paragraph, a line end breaks it. */
        void text(String text) {
            if (!autop) {
                append(MarkdownText.escape(MarkdownText.collapse(text)), text);
                return;
            }
            String[] chunks = BLANK_LINE.split(text, -1);
            for (int c = 0; c < chunks.length; c++) {
                if (c > 0) {
                    flush();
                }
                String[] lines = chunks[c].split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    if (i > 0) {
                        lineBreak();
                    }
                    append(MarkdownText.escape(MarkdownText.collapse(lines[i])), lines[i]);
                }
            }
        }

        private void append(String markdown, String plain) {
            paragraph.append(markdown);
            lineText.append(plain);
        }

        /** Inline Markdown made from an element (a link, emphasis, …), perhaps with line breaks in it. */
        void inline(String markdown) {
            paragraph.append(markdown);
            int lastBreak = markdown.lastIndexOf(BREAK);
            if (lastBreak >= 0) {
                lineStart = paragraph.length() - markdown.length() + lastBreak + 1;
                lineText.setLength(0);
            }
            lineMarkup = true;
        }

        void lineBreak() {
            endLine();
            paragraph.append(BREAK);
            lineStart = paragraph.length();
        }

        /** Ends the current line; one that is a URL alone is an embed, which becomes a marked paragraph. */
        private void endLine() {
            String plain = lineText.toString().strip();
            if (!lineMarkup && BARE_URL.matcher(plain).matches()) {
                paragraph.setLength(lineStart);
                writeParagraph();
                add(unmapped(plain));
            }
            lineText.setLength(0);
            lineMarkup = false;
        }

        void flush() {
            endLine();
            writeParagraph();
        }

        /** The paragraph as Markdown: hard breaks as a backslash at the line's end, two breaks a new paragraph. */
        private void writeParagraph() {
            String text = paragraph.toString();
            paragraph.setLength(0);
            lineStart = 0;
            List<String> lines = new ArrayList<>();
            for (String line : text.split(String.valueOf(BREAK), -1)) {
                String md = MarkdownText.collapse(line).strip();
                if (MarkdownText.blank(md)) {
                    writeLines(lines); // wpautop makes two <br> in a row a paragraph break
                    lines.clear();
                } else {
                    lines.add(MarkdownText.line(md));
                }
            }
            writeLines(lines);
        }

        private void writeLines(List<String> lines) {
            String md = String.join("\\\n", lines);
            if (!MarkdownText.blank(md)) {
                blocks.add(md);
            }
        }
    }
}
