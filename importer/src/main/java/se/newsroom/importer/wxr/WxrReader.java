package se.newsroom.importer.wxr;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

import com.ctc.wstx.exc.WstxLazyException;
import com.ctc.wstx.stax.WstxInputFactory;
import org.codehaus.stax2.XMLInputFactory2;
import org.codehaus.stax2.XMLStreamReader2;

/**
 * A WXR file read with Woodstox's StAX cursor, one item at a time: memory stays the size of one item whatever the
 * file's. Woodstox rather than the JDK's StAX because it tells a file that ends too early
 * ({@code WstxEOFException}) from one that is malformed, which the JDK's reader reports alike.
 */
final class WxrReader implements WxrStream {
    /** The versions export.php has written: 1.0 (WordPress 2.x), 1.1 (3.0), 1.2 (3.4 to today). */
    private static final Set<String> VERSIONS = Set.of("1.0", "1.1", "1.2");
    private static final int PEEK = 1024;
    private static final XMLInputFactory2 FACTORY = factory();

    /** Where the cursor stands between calls. */
    private enum Position { ON_ITEM, IN_CHANNEL, AFTER_CHANNEL, DONE }

    private final Path file;
    private final FileBytes bytes;
    private final long size;
    private final boolean gzip;
    private final XMLStreamReader2 xml;
    private final WxrElements elements;
    private final boolean looksLikeHtml;
    private boolean rootSeen;
    private WxrSite site;
    private Position position = Position.IN_CHANNEL;
    private WxrItem next;
    private WxrException failure;

    private WxrReader(Path file, InputStream in, FileBytes bytes, long size, boolean gzip) throws IOException {
        this.file = file;
        this.bytes = bytes;
        this.size = size;
        this.gzip = gzip;
        this.looksLikeHtml = looksLikeHtml(in);
        try {
            this.xml = (XMLStreamReader2) FACTORY.createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw WxrErrors.of(file, e, bytes, gzip, true, looksLikeHtml);
        }
        this.elements = new WxrElements(xml);
    }

    /**
     * Opens {@code in} (the file's XML, already un-gzipped, with mark support) and reads up to the first item.
     *
     * @throws WxrException when it is not a WXR export of a known version, or not well-formed that far
     */
    static WxrStream open(Path file, InputStream in, FileBytes bytes, long size, boolean gzip) throws IOException {
        WxrReader reader = new WxrReader(file, in, bytes, size, gzip);
        try {
            reader.site = reader.guarded(reader::readSite);
            return reader;
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    @Override
    public WxrSite site() {
        return site;
    }

    @Override
    public long bytesRead() {
        return bytes.count();
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public boolean hasNext() {
        if (failure != null) {
            throw failure;
        }
        if (next == null && position != Position.DONE) {
            try {
                next = guarded(this::readItem);
            } catch (WxrException e) {
                failure = e;
                throw e;
            }
        }
        return next != null;
    }

    @Override
    public WxrItem next() {
        if (!hasNext()) {
            throw new NoSuchElementException("Exporten har inga fler inlägg.");
        }
        WxrItem item = next;
        next = null;
        return item;
    }

    @Override
    public void close() {
        try {
            xml.closeCompletely();
        } catch (XMLStreamException e) {
            // Closing a file only read from: nothing is lost.
        }
    }

    /** The channel up to its first item: its fields, authors and terms; checks it is WXR of a known version. */
    private WxrSite readSite() throws XMLStreamException {
        if (!toRoot()) {
            throw WxrErrors.notWxr(file, line(), "den innehåller inget XML-element");
        }
        rootSeen = true;
        if (xml.getLocalName().equalsIgnoreCase("html")) {
            throw WxrErrors.notWxr(file, line(), "den ser ut som en webbsida (HTML)");
        }
        if (!xml.getLocalName().equals("rss")) {
            throw WxrErrors.notWxr(file, line(), "dess rotelement är <" + xml.getPrefixedName()
                    + ">, inte <rss> som i en export");
        }
        boolean channel = false;
        while (!channel && elements.nextChild()) {
            if (elements.name().equals("channel")) {
                channel = true;
            } else {
                elements.skip();
            }
        }
        if (!channel) {
            throw WxrErrors.notWxr(file, line(), "den är RSS men saknar <channel>");
        }
        String version = null;
        String title = "";
        String link = "";
        String baseSiteUrl = "";
        String baseBlogUrl = "";
        String language = "";
        List<WxrAuthor> authors = new ArrayList<>();
        List<WxrTerm> categories = new ArrayList<>();
        List<WxrTerm> tags = new ArrayList<>();
        position = Position.AFTER_CHANNEL;
        while (elements.nextChild()) {
            String name = elements.name();
            if (name.equals("item")) {
                position = Position.ON_ITEM;
                break;
            }
            switch (name) {
                case "wp:wxr_version" -> version = elements.text().strip();
                case "title" -> title = elements.text();
                case "link" -> link = elements.text().strip();
                case "language" -> language = elements.text().strip();
                case "wp:base_site_url" -> baseSiteUrl = elements.text().strip();
                case "wp:base_blog_url" -> baseBlogUrl = elements.text().strip();
                case "wp:author" -> authors.add(elements.author());
                case "wp:category" -> categories.add(elements.term(name));
                case "wp:tag" -> tags.add(elements.term(name));
                case "wp:term" -> {
                    WxrTerm term = elements.term(name);
                    if (term.taxonomy().equals("category")) {
                        categories.add(term);
                    } else if (term.taxonomy().equals("post_tag")) {
                        tags.add(term);
                    }
                }
                default -> elements.skip();
            }
        }
        if (version == null) {
            throw WxrErrors.notWxr(file, line(), "RSS-kanalen saknar wp:wxr_version, så det är ett vanligt"
                    + " RSS-flöde och inte en export");
        }
        if (!VERSIONS.contains(version)) {
            throw WxrErrors.unknownVersion(file, line(), version.isEmpty() ? "(tom)" : version);
        }
        return new WxrSite(version, title, link, baseSiteUrl, baseBlogUrl, language, authors, categories, tags);
    }

    /** Moves to the root element's start tag; false when the document has none. */
    private boolean toRoot() throws XMLStreamException {
        while (xml.hasNext()) {
            if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
        }
        return false;
    }

    /** The next item, or null at the end of the channel (having checked that the document ends as it should). */
    private WxrItem readItem() throws XMLStreamException {
        while (position == Position.IN_CHANNEL) {
            if (!elements.nextChild()) {
                position = Position.AFTER_CHANNEL;
            } else if (elements.name().equals("item")) {
                position = Position.ON_ITEM;
            } else {
                elements.skip();
            }
        }
        if (position == Position.ON_ITEM) {
            position = Position.IN_CHANNEL;
            return elements.item();
        }
        // After </channel>: the rest must be </rss> and the end; a file cut before them fails here.
        while (xml.next() != XMLStreamConstants.END_DOCUMENT) {
            // whitespace, comments, </rss>
        }
        position = Position.DONE;
        return null;
    }

    /** Runs a step of the cursor, turning a parser failure into the {@link WxrException} it stands for. */
    private <T> T guarded(Step<T> step) {
        try {
            return step.run();
        } catch (XMLStreamException e) {
            throw WxrErrors.of(file, e, bytes, gzip, !rootSeen, looksLikeHtml);
        } catch (WstxLazyException e) {
            throw WxrErrors.of(file, e.getCause() instanceof XMLStreamException x ? x
                    : new XMLStreamException(e.getMessage(), e), bytes, gzip, !rootSeen, looksLikeHtml);
        }
    }

    private long line() {
        return WxrErrors.line(xml.getLocation());
    }

    /** Whether the file starts as a web page does: then it is "not WXR", not "invalid XML", whatever follows. */
    private static boolean looksLikeHtml(InputStream in) throws IOException {
        byte[] head = new byte[PEEK];
        int n = 0;
        in.mark(PEEK);
        try {
            for (int r; n < PEEK && (r = in.read(head, n, PEEK - n)) > 0; ) {
                n += r;
            }
        } catch (IOException e) {
            n = 0; // the parser meets the same failure and says what it is
        } finally {
            in.reset();
        }
        String start = new String(head, 0, n, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        return start.contains("<!doctype html") || start.contains("<html");
    }

    private static XMLInputFactory2 factory() {
        XMLInputFactory2 factory = new WstxInputFactory();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        // A WXR file has no DTD; none is read, and no external entity is ever fetched (XXE).
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory2.P_LAZY_PARSING, false);
        factory.setProperty(XMLInputFactory2.P_REPORT_PROLOG_WHITESPACE, false);
        return factory;
    }

    /** One step of the cursor. */
    @FunctionalInterface
    private interface Step<T> {
        T run() throws XMLStreamException;
    }
}
