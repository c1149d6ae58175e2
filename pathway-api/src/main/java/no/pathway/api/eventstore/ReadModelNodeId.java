package no.pathway.api.eventstore;

import java.lang.management.ManagementFactory;
import java.util.UUID;

/**
 * This instance's name in {@code token_entry.owner} and {@code read_model_node}: the JVM's name (pid@host, Axon's
 * default) and a random part, so that two application contexts in one JVM are two instances too. Axon's token store
 * takes it instead of its own default ({@link AxonConfiguration#tokenStore}); {@link ReadModelSegmentBalancer} counts
 * live instances by it.
 */
public record ReadModelNodeId(String value) {
    static ReadModelNodeId generate() {
        return new ReadModelNodeId(ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 8));
    }
}
