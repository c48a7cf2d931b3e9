package se.newsroom.importer.wxr;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opens WordPress exports: plain or gzipped (told by their first bytes, not their name). */
public final class WxrFiles {
    /** Read in large blocks: a file of hundreds of MB goes through in few system calls. */
    private static final int BUFFER = 1 << 16;
    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    private WxrFiles() {
    }

    /**
     * The export at {@code file}, streamed; reads as far as the first item to learn its {@link WxrSite}.
     *
     * @throws WxrException when it is not a WXR file, not XML, cut short, of an unknown version, or unreadable
     */
    public static WxrStream open(Path file) {
        if (Files.isDirectory(file)) {
            throw WxrErrors.directory(file);
        }
        FileBytes bytes;
        long size;
        try {
            size = Files.size(file);
            bytes = new FileBytes(Files.newInputStream(file));
        } catch (IOException e) {
            throw WxrErrors.unreadable(file, e);
        }
        boolean gzip = false;
        try {
            InputStream in = new BufferedInputStream(bytes, BUFFER);
            gzip = gzipped(in);
            if (gzip) {
                in = new BufferedInputStream(new FileBytes.Gunzip(new GZIPInputStream(in, BUFFER), bytes), BUFFER);
            }
            return WxrReader.open(file, in, bytes, size, gzip);
        } catch (EOFException e) {
            close(bytes);
            throw WxrErrors.truncated(file, 0, gzip, e); // the gzip header itself is cut
        } catch (IOException e) {
            close(bytes);
            throw WxrErrors.unreadable(file, e);
        } catch (RuntimeException e) {
            close(bytes);
            throw e;
        }
    }

    /** Whether the stream starts with gzip's magic bytes 1f 8b (leaving it where it was). */
    private static boolean gzipped(InputStream in) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == GZIP_MAGIC_1 && second == GZIP_MAGIC_2;
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // Only read from: nothing to save.
        }
    }
}
