package no.pathway.core.event;

/**
 * A fact the service records on a person's behalf (a coordinator acknowledging a gap, assigning it, recording a
 * follow-up attempt), as opposed to a fact a source system posts. Its {@code source} is the person's client, which
 * may be a source system's client id too, so only what a person does in the service may withdraw it: a source's
 * {@link EventRetracted} never does (docs/security.md).
 */
public interface PersonAction {
}
