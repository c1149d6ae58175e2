package no.pathway.api.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import no.pathway.api.support.ApiIT;
import java.util.List;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/** Guards the pitfalls of stack.md: a silent no-op transaction manager, XStream, a missing JDBC store. */
class AxonWiringIT extends ApiIT {
    @Autowired
    TransactionManager axonTransactionManager;
    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    TokenStore tokenStore;
    @Autowired
    Serializer serializer;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Test
    void axon_runs_on_spring_transactions_with_the_jdbc_stores_and_jackson_3() {
        assertThat(axonTransactionManager).isInstanceOf(SpringTransactionManager.class);
        assertThat(storageEngine).isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(tokenStore).isInstanceOf(JdbcTokenStore.class);
        assertThat(serializer).isInstanceOf(Jackson3Serializer.class);
        assertThat(eventSerializer).isInstanceOf(Jackson3Serializer.class);
    }

    @Test
    void a_replay_token_survives_the_token_serializer() {
        TrackingToken replay = ReplayToken.createReplayToken(new GapAwareTrackingToken(42, List.of()),
                new GapAwareTrackingToken(7, List.of()));
        SerializedObject<byte[]> stored = serializer.serialize(replay, byte[].class);
        TrackingToken read = serializer.deserialize(stored);
        assertThat(read).isEqualTo(replay);
        assertThat(read.position()).hasValue(7);
    }
}
