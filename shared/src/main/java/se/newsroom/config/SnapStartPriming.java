package se.newsroom.config;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart priming: before Lambda snapshots an initialised function, run its hot paths once (JSON, templates, SDK
 * calls that only read), so the classes are loaded and the code is compiled in the snapshot rather than on a
 * reader's first request. Outside Lambda the hooks never fire. A failing priming step is logged, never fatal.
 */
public final class SnapStartPriming implements Resource {
    // CRaC keeps weak references to resources; these keep them alive as long as the container.
    private static final List<SnapStartPriming> REGISTERED = new CopyOnWriteArrayList<>();

    private final String name;
    private final Runnable prime;

    private SnapStartPriming(String name, Runnable prime) {
        this.name = name;
        this.prime = prime;
    }

    /** Registers {@code prime} to run before the snapshot is taken. */
    public static void register(String name, Runnable prime) {
        SnapStartPriming resource = new SnapStartPriming(name, prime);
        REGISTERED.add(resource);
        Core.getGlobalContext().register(resource);
    }

    /**
     * Runs every registered priming step now, in the order registered, as Lambda does before it takes the snapshot.
     * For a JVM without CRaC, where the hooks never fire: the cold-start benchmark's training run, which records
     * what priming loads into the JVM's ahead-of-time cache. Returns how many steps ran.
     */
    public static int runAll() {
        REGISTERED.forEach(resource -> resource.beforeCheckpoint(null));
        return REGISTERED.size();
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        try {
            prime.run();
        } catch (RuntimeException e) {
            System.err.println("Priming " + name + " failed (the function still works, its first call is slower): "
                    + e);
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to refresh: clients re-resolve credentials per request; ids and clocks are read per call.
    }
}
