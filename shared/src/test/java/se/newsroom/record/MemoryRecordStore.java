package se.newsroom.record;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** A record store in memory, for tests; {@link #tamper} and {@link #remove} do what Object Lock forbids. */
final class MemoryRecordStore implements RecordStore {
    private final Map<String, byte[]> objects = new ConcurrentSkipListMap<>();

    @Override
    public List<String> keys(String prefix) {
        return objects.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
    }

    @Override
    public Optional<byte[]> read(String key) {
        return Optional.ofNullable(objects.get(key));
    }

    @Override
    public boolean writeOnce(String key, byte[] bytes) {
        return objects.putIfAbsent(key, bytes) == null;
    }

    void tamper(String key, byte[] bytes) {
        objects.put(key, bytes);
    }

    void remove(String key) {
        objects.remove(key);
    }
}
