package no.pathway.api.security;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import no.pathway.api.http.FieldProblem;
import no.pathway.core.event.AppointmentBooked;
import no.pathway.core.event.ContactAssigned;
import no.pathway.core.event.EpisodeEnded;
import no.pathway.core.event.EpisodeStarted;
import no.pathway.core.event.EventRetracted;
import no.pathway.core.event.FactType;
import no.pathway.core.event.HandoverSent;
import no.pathway.core.event.PathwayEvent;
import no.pathway.core.event.Setting;

/**
 * What one source system may post (docs/security.md, "Source registry"). A fact that names a setting of its own is
 * granted by that setting: an episode, a booking and a contact by their {@code setting}, a handover by its
 * {@code fromSetting} (a service sends its own referrals and notices). A fact without one is granted by its type.
 * A retraction is always granted: the pathway accepts it only for an event of the same source. Where
 * {@code municipalities} is not empty, every fact's {@code municipality} must be one of them ({@code *}: any).
 *
 * @param settings       the settings whose facts this system reports
 * @param types          types without a setting of their own that it may post ({@link #WITHOUT_SETTING})
 * @param municipalities the municipalities it may name; empty or {@code *} for any
 */
public record SourceGrant(Set<Setting> settings, Set<FactType> types, Set<String> municipalities) {
    /** The types a grant names one by one: they carry no setting, or refer to an event that does. */
    public static final Set<FactType> WITHOUT_SETTING = EnumSet.of(
            FactType.HANDOVER_ACCEPTED, FactType.HANDOVER_REJECTED, FactType.APPOINTMENT_CANCELLED,
            FactType.APPOINTMENT_ATTENDED, FactType.APPOINTMENT_MISSED, FactType.HOUSING_RECORDED,
            FactType.ACTIVITY_RECORDED, FactType.OVERDOSE_RECORDED, FactType.PERSON_DIED);
    public static final String ANY_MUNICIPALITY = "*";

    public SourceGrant {
        settings = settings == null ? Set.of() : Set.copyOf(settings);
        types = types == null ? Set.of() : Set.copyOf(types);
        municipalities = municipalities == null ? Set.of() : Set.copyOf(municipalities);
    }

    /** Why this system may not post the fact, one problem per field at fault; empty when it may. */
    public List<FieldProblem> refusals(PathwayEvent fact) {
        List<FieldProblem> refusals = new ArrayList<>();
        if (!(fact instanceof EventRetracted)) {
            Optional<Setting> setting = settingOf(fact);
            if (setting.isPresent() && !settings.contains(setting.get())) {
                refusals.add(new FieldProblem(fact instanceof HandoverSent ? "fromSetting" : "setting",
                        "is not a setting this source system is registered to report"));
            } else if (setting.isEmpty() && !types.contains(fact.type())) {
                refusals.add(new FieldProblem("type", "is not a type this source system is registered to post"));
            }
        }
        String municipality = fact.meta().municipality();
        if (municipality != null && !municipalities.isEmpty() && !municipalities.contains(ANY_MUNICIPALITY)
                && !municipalities.contains(municipality)) {
            refusals.add(new FieldProblem("municipality",
                    "is not a municipality this source system is registered to name"));
        }
        return refusals;
    }

    /** The setting a fact is reported from, if it names one. */
    static Optional<Setting> settingOf(PathwayEvent fact) {
        if (fact instanceof EpisodeStarted e) {
            return Optional.of(e.setting());
        }
        if (fact instanceof EpisodeEnded e) {
            return Optional.of(e.setting());
        }
        if (fact instanceof AppointmentBooked e) {
            return Optional.of(e.setting());
        }
        if (fact instanceof ContactAssigned e) {
            return Optional.of(e.setting());
        }
        if (fact instanceof HandoverSent e) {
            return Optional.of(e.fromSetting());
        }
        return Optional.empty();
    }
}
