package org.peersupport.training.domain;

import static org.peersupport.platform.kernel.Decision.newEventId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.peersupport.events.CertificationLapsed;
import org.peersupport.events.ClinicalRole;
import org.peersupport.events.Modality;
import org.peersupport.events.SupporterCertified;
import org.peersupport.platform.kernel.Decision;
import org.peersupport.platform.kernel.InvalidValue;

/**
 * A peer supporter on a hospital's roster, from nomination on. The display name stays in training; events name the
 * supporter by id only. UW Medicine's path: nominated (by a colleague, a leader or themselves) with enough experience
 * (seed 002: two years; each hospital may ask more), approved by the coordinator, certified by the initial workshop,
 * and current only while ongoing education renews the certification; otherwise it lapses, by a durable timer at
 * {@code certifiedUntil}, until an attendance reinstates it. Every certification publishes the whole profile to
 * matching.
 *
 * @param unit an opaque unit code (e.g. {@code ICU-4}), so matching keeps supporters from their own unit's requests
 * @param takesNetworkRequests the supporter also supports other hospitals' staff (network participation)
 */
public record RosterEntry(String supporterId, String hospitalId, String displayName, Status status,
        NominatedBy nominatedBy, ClinicalRole role, String unit, int yearsOfExperience, List<String> languages,
        List<Modality> modalities, boolean takesNetworkRequests, int capacity, Instant certifiedUntil) {

    public static final int MINIMUM_YEARS_OF_EXPERIENCE = 2;
    public static final String LAPSE_TIMER = "training.certification-lapse";
    public static final String LAPSES_CERTIFICATION = "certifiedUntil";

    public enum Status { NOMINATED, APPROVED, CERTIFIED, LAPSED }

    public enum NominatedBy { SELF, COLLEAGUE, LEADER }

    public RosterEntry {
        languages = languages == null ? List.of() : List.copyOf(languages);
        modalities = modalities == null ? List.of() : List.copyOf(modalities);
        // Entries stored before nominations existed were all certified by the demo roster.
        status = status == null ? Status.CERTIFIED : status;
    }

    /** A certified supporter as the demo roster seeds them, certified until {@code certifiedUntil}. */
    public static RosterEntry certified(String supporterId, String hospitalId, String displayName, ClinicalRole role,
            String unit, int yearsOfExperience, List<String> languages, List<Modality> modalities,
            boolean takesNetworkRequests, int capacity, Instant certifiedUntil) {
        return new RosterEntry(supporterId, hospitalId, displayName, Status.CERTIFIED, NominatedBy.LEADER, role, unit,
                yearsOfExperience, languages, modalities, takesNetworkRequests, capacity, certifiedUntil);
    }

    /**
     * A nomination: the person's profile, eligible only with at least {@code minimumYears} of experience (the
     * hospital's rule), waiting for the coordinator's approval.
     */
    public static Decision<RosterEntry> nominate(String supporterId, String hospitalId, String displayName,
            NominatedBy by, Profile profile, int yearsOfExperience, int minimumYears) {
        if (yearsOfExperience < minimumYears) {
            throw new InvalidValue("yearsOfExperience", "a supporter needs at least " + minimumYears
                    + " years of experience here");
        }
        return Decision.to(new RosterEntry(supporterId, hospitalId, displayName, Status.NOMINATED, by,
                profile.role(), profile.unit(), yearsOfExperience, profile.languages(), profile.modalities(),
                profile.takesNetworkRequests(), profile.capacity(), null));
    }

    /** Puts the seeded supporter on the roster certified: matching's pool is told, and the lapse is scheduled. */
    public Decision<RosterEntry> certify(Instant now) {
        return announced(this, now);
    }

    /** The coordinator approves the nomination; the initial workshop then certifies. Approving again is a repeat. */
    public Decision<RosterEntry> approve() {
        if (status == Status.APPROVED) {
            return Decision.unchanged(this);
        }
        if (status != Status.NOMINATED) {
            throw new SupporterNotInThatState(status);
        }
        return Decision.to(withStatus(Status.APPROVED, certifiedUntil));
    }

    /**
     * They attended a session of {@code course} at {@code attendedAt}: the initial workshop certifies an approved
     * supporter; ongoing education renews a certification (or reinstates a lapsed one) until {@code attendedAt}
     * plus {@code educationEvery}. Anything else is recorded by the session only.
     */
    public Decision<RosterEntry> attended(Course course, Instant attendedAt, Duration educationEvery, Instant now) {
        Instant until = attendedAt.plus(educationEvery);
        boolean certifies = status == Status.APPROVED && course.certifies();
        boolean renews = (status == Status.CERTIFIED || status == Status.LAPSED) && course.renews();
        if (!certifies && !renews || !until.isAfter(now)) {
            return Decision.unchanged(this);
        }
        if (status == Status.CERTIFIED && certifiedUntil != null && !until.isAfter(certifiedUntil)) {
            return Decision.unchanged(this);
        }
        return announced(withStatus(Status.CERTIFIED, until), now);
    }

    /**
     * The lapse timer of the certification that ran until {@code timerCertifiedUntil}: if that is still the one held,
     * the supporter lapses and matching takes them out of its pool. A renewed certification changes nothing.
     */
    public Decision<RosterEntry> lapseDue(Instant timerCertifiedUntil, Instant now) {
        if (status != Status.CERTIFIED || certifiedUntil == null || certifiedUntil.isAfter(now)
                || timerCertifiedUntil != null && !timerCertifiedUntil.equals(certifiedUntil)) {
            return Decision.unchanged(this);
        }
        return Decision.to(withStatus(Status.LAPSED, certifiedUntil))
                .publishing(new CertificationLapsed(newEventId(), now, hospitalId, supporterId, certifiedUntil));
    }

    /** The profile changes; a certified supporter's new profile goes to matching at once. */
    public Decision<RosterEntry> updateProfile(Profile profile, Instant now) {
        RosterEntry next = new RosterEntry(supporterId, hospitalId, displayName, status, nominatedBy, profile.role(),
                profile.unit(), yearsOfExperience, profile.languages(), profile.modalities(),
                profile.takesNetworkRequests(), profile.capacity(), certifiedUntil);
        if (next.equals(this)) {
            return Decision.unchanged(this);
        }
        if (status != Status.CERTIFIED) {
            return Decision.to(next);
        }
        return Decision.to(next).publishing(next.certification(now));
    }

    public Profile profile() {
        return new Profile(role, unit, languages, modalities, takesNetworkRequests, capacity);
    }

    private static Decision<RosterEntry> announced(RosterEntry entry, Instant now) {
        return Decision.to(entry).publishing(entry.certification(now))
                .scheduling(new Decision.Timer("lapse:" + entry.certifiedUntil.getEpochSecond(), LAPSE_TIMER,
                        entry.hospitalId, entry.certifiedUntil,
                        Map.of(LAPSES_CERTIFICATION, entry.certifiedUntil.toString())));
    }

    private SupporterCertified certification(Instant now) {
        return new SupporterCertified(newEventId(), now, hospitalId, supporterId, role, languages, modalities,
                capacity, certifiedUntil, unit, takesNetworkRequests);
    }

    private RosterEntry withStatus(Status next, Instant until) {
        return new RosterEntry(supporterId, hospitalId, displayName, next, nominatedBy, role, unit, yearsOfExperience,
                languages, modalities, takesNetworkRequests, capacity, until);
    }
}
