package no.pathway.projections.quarantine;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps one pathway's failure from failing the others in the caller's transaction. The pathways are judged together
 * in a savepoint; if that fails for a reason of a pathway ({@link FailureCause#PATHWAY}), each is judged alone in a
 * savepoint of its own and those that still fail are set aside in the {@link Quarantine}. Any other failure
 * propagates, so the caller's transaction rolls back whole and is retried.
 */
@Component
public class PathwayIsolation {
    private static final Logger LOG = LoggerFactory.getLogger(PathwayIsolation.class);

    private final Quarantine quarantine;
    private final TransactionTemplate savepoint;

    public PathwayIsolation(Quarantine quarantine, PlatformTransactionManager transactions) {
        this.quarantine = quarantine;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * Judges the pathways with {@code judge}, which writes their rows, setting aside those whose judgement fails.
     *
     * @return the pathways set aside
     */
    public Set<String> judgeOrSetAside(Collection<String> pathways, Consumer<Collection<String>> judge) {
        if (pathways.isEmpty()) {
            return Set.of();
        }
        try {
            savepoint.executeWithoutResult(s -> judge.accept(pathways));
            return Set.of();
        } catch (RuntimeException together) {
            requirePathwayCause(together);
        }
        Set<String> setAside = new LinkedHashSet<>();
        for (String pathwayId : pathways) {
            try {
                savepoint.executeWithoutResult(s -> judge.accept(List.of(pathwayId)));
            } catch (RuntimeException alone) {
                requirePathwayCause(alone);
                quarantine.setAside(pathwayId, alone);
                setAside.add(pathwayId);
                // the type only, and no pathway id: a message may quote data; operators list the pathways
                LOG.warn("A read-model pathway was set aside after a failure of type {} (SQLSTATE {}); "
                                + "see GET /api/v1/admin/read-models/quarantine", alone.getClass().getName(),
                        FailureCause.sqlState(alone));
            }
        }
        return setAside;
    }

    private static void requirePathwayCause(RuntimeException failure) {
        if (FailureCause.of(failure) != FailureCause.PATHWAY) {
            throw failure;
        }
    }
}
