package se.newsroom.importer.wxr;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.ZipException;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;

import com.ctc.wstx.exc.WstxEOFException;

import se.newsroom.importer.wxr.WxrException.Kind;

/** The reader's errors, each said once, in Swedish, naming the file (the editor who ran the import reads them). */
final class WxrErrors {
    /** What every "this is not an export" message ends with: how to get one. */
    private static final String HOW_TO_EXPORT = " Exportera från WordPress under Verktyg → Exportera → Allt innehåll.";

    private WxrErrors() {
    }

    static WxrException unreadable(Path file, IOException cause) {
        String why;
        if (cause instanceof NoSuchFileException) {
            why = "filen finns inte";
        } else if (cause instanceof AccessDeniedException) {
            why = "behörighet att läsa den saknas";
        } else if (cause instanceof ZipException) {
            why = "den gzip-packade filen är skadad (" + cause.getMessage() + ")";
        } else {
            why = String.valueOf(cause.getMessage());
        }
        return new WxrException(Kind.UNREADABLE, 0, "Filen " + file + " går inte att läsa: " + why + ".", cause);
    }

    static WxrException directory(Path file) {
        return new WxrException(Kind.UNREADABLE, 0,
                file + " är en mapp, inte en fil: ange exportfilen (.xml eller .xml.gz).", null);
    }

    static WxrException notWxr(Path file, long line, String why) {
        return new WxrException(Kind.NOT_WXR, line,
                "Filen " + file + " är ingen WordPress-export (WXR): " + why + "." + HOW_TO_EXPORT, null);
    }

    static WxrException unknownVersion(Path file, long line, String version) {
        return new WxrException(Kind.UNKNOWN_VERSION, line, "Filen " + file + " är en WordPress-export av version "
                + version + ", som importen inte känner till: den läser version 1.0, 1.1 och 1.2.", null);
    }

    static WxrException truncated(Path file, long line, boolean gzip, Throwable cause) {
        String what = gzip ? "Den gzip-packade filen " + file + " tar slut" : "Filen " + file + " tar slut";
        return new WxrException(Kind.TRUNCATED, line, what + " mitt i exporten (rad " + line
                + "): den är avkortad, troligen en avbruten nedladdning eller kopiering. Exportera eller kopiera den"
                + " på nytt; det som redan importerats skrivs inte två gånger.", cause);
    }

    /**
     * The error a parser failure stands for: a file cut short (Woodstox's {@link WstxEOFException}, or the gzip
     * stream ending early), the disk failing, or XML that is not well-formed.
     *
     * @param beforeRoot whether it came before the document's root element (then an HTML page is not WXR)
     */
    static WxrException of(Path file, XMLStreamException e, FileBytes bytes, boolean gzip, boolean beforeRoot,
                           boolean looksLikeHtml) {
        long line = line(e.getLocation());
        if (bytes.cutShort()) {
            return truncated(file, line, true, e);
        }
        IOException io = ioCause(e);
        if (io != null) {
            return unreadable(file, io);
        }
        if (beforeRoot && looksLikeHtml) {
            return notWxr(file, line, "den ser ut som en webbsida (HTML)");
        }
        if (e instanceof WstxEOFException) {
            return beforeRoot ? notWxr(file, line, "den är tom") : truncated(file, line, gzip, e);
        }
        String detail = e.getMessage() == null ? "" : " (XML-tolkens besked: " + firstLine(e.getMessage()) + ")";
        String what = beforeRoot ? " är inte XML: fel på rad " : " är inte giltig XML: fel på rad ";
        return new WxrException(Kind.INVALID_XML, line, "Filen " + file + what + line + detail + ".", e);
    }

    private static IOException ioCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException io) {
                return io;
            }
            if (t instanceof XMLStreamException x && x.getNestedException() instanceof IOException io) {
                return io;
            }
        }
        return null;
    }

    /** The parser's own sentence, without the location it repeats on the next lines. */
    private static String firstLine(String message) {
        return message.lines().filter(l -> !l.isBlank()).findFirst().orElse(message).strip();
    }

    static long line(Location location) {
        return location == null ? 0 : Math.max(0, location.getLineNumber());
    }
}
