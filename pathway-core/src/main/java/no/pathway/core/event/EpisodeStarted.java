package no.pathway.core.event;

import org.axonframework.serialization.Revision;

/** EPISODE_STARTED: admission, treatment start, municipal or NAV follow-up start, prison intake. */
@Revision("1")
public record EpisodeStarted(EventMeta meta, String episodeId, Setting setting, String provider) implements PathwayEvent {
    @Override
    public EpisodeStarted withMeta(EventMeta other) {
        return new EpisodeStarted(other, episodeId, setting, provider);
    }
}
