package no.pathway.api.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import no.pathway.core.event.EndReason;
import no.pathway.core.event.EpisodeEnded;
import no.pathway.core.event.EventMeta;
import no.pathway.core.event.FactType;
import no.pathway.core.event.Setting;
import org.junit.jupiter.api.Test;

class SourceTest {
    private static final EventMeta META = new EventMeta("e-1", "coordinator-app",
            Instant.parse("2026-03-02T12:00:00Z"), null, "0301", null);

    @Test
    void the_service_acting_for_a_person_may_record_exactly_the_types_it_is_given() {
        Source source = Source.service("coordinator-app", FactType.GAP_ACKNOWLEDGED);

        assertThat(source.grant().refusals(QueuedEvents.item("coordinator-app", "a", "p").parsed().event())).isEmpty();
        assertThat(source.grant().refusals(new EpisodeEnded(META, "ep-1", Setting.DETOX, EndReason.COMPLETED)))
                .isNotEmpty();
    }
}
