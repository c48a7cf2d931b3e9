package se.newsroom.importer.wxr;

import java.util.Iterator;

/**
 * A WXR file read one item at a time (never the whole file in memory): {@link #site()} first, then the items.
 * Every method may throw {@link WxrException}.
 */
public interface WxrStream extends Iterator<WxrItem>, AutoCloseable {

    /** The channel, its authors, categories and tags (all of which WordPress writes before the first item). */
    WxrSite site();

    /** Bytes of the file read so far (of the compressed file, for a gzipped one), for progress. */
    long bytesRead();

    /** The file's size in bytes, as {@link #bytesRead()} counts them. */
    long size();

    @Override
    void close();
}
