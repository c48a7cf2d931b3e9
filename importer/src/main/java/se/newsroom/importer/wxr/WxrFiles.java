package se.newsroom.importer.wxr;

import java.nio.file.Path;

/** Opens WordPress exports: plain or gzipped (told by their first bytes, not their name). */
public final class WxrFiles {
    private WxrFiles() {
    }

    /**
     * The export at {@code file}, streamed; reads as far as the first item to learn its {@link WxrSite}.
     *
     * @throws WxrException when it is not a WXR file, not XML, cut short, of an unknown version, or unreadable
     */
    public static WxrStream open(Path file) {
        throw new UnsupportedOperationException("skeleton: the WXR reader is being written");
    }
}
