package no.pathway.core.event;

import org.axonframework.serialization.Revision;

/** EPISODE_ENDED: discharge, completion, drop-out, release. */
@Revision("1")
public record EpisodeEnded(EventMeta meta, String episodeId, Setting setting, EndReason endReason) implements PathwayEvent {
    @Override
    public EpisodeEnded withMeta(EventMeta other) {
        return new EpisodeEnded(other, episodeId, setting, endReason);
    }
}
