package se.newsroom.importer.wxr;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes of the file on disk as they are read: counted (for a progress bar, compressed bytes for a gzipped
 * file), and whether the file ended before a gzip stream did (a cut download).
 */
final class FileBytes extends FilterInputStream {
    private volatile long count;
    private volatile boolean cutShort;

    FileBytes(InputStream in) {
        super(in);
    }

    /** Bytes read from the file so far. */
    long count() {
        return count;
    }

    /** Whether reading ended in an {@link EOFException}: the gzip stream stops before its end. */
    boolean cutShort() {
        return cutShort;
    }

    /** Marks the file as cut short; called by the gzip layer above, which is where the end shows. */
    void markCutShort() {
        cutShort = true;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count += skipped;
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** A gzip stream over the file that marks it {@link #cutShort()} when the compressed data ends too early. */
    static final class Gunzip extends FilterInputStream {
        private final FileBytes file;

        Gunzip(InputStream gzip, FileBytes file) {
            super(gzip);
            this.file = file;
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (EOFException e) {
                file.markCutShort();
                throw e;
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return super.read(buffer, offset, length);
            } catch (EOFException e) {
                file.markCutShort();
                throw e;
            }
        }
    }
}
