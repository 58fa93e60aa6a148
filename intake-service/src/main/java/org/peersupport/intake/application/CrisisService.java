package org.peersupport.intake.application;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.peersupport.events.RequestOrigin;
import org.peersupport.intake.application.ContactSealer.OpenedContact;
import org.peersupport.intake.domain.CrisisFlag;
import org.peersupport.intake.persistence.CrisisFlagDocument;
import org.peersupport.intake.persistence.CrisisFlagLists;
import org.peersupport.platform.kernel.Decision;
import org.peersupport.platform.outbox.AggregateStore;
import org.peersupport.platform.security.Caller;
import org.peersupport.platform.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Crisis is not a queue. A request whose screening signals a risk of harm to self gets the crisis resources at once
 * and raises a {@code CrisisFlagged} for the hospital's coordinator, who calls back; it never becomes a request for
 * peer support, so no {@code RequestSubmitted} goes out.
 */
@Service
public class CrisisService {

    private static final Logger log = LoggerFactory.getLogger(CrisisService.class);

    private final AggregateStore<CrisisFlagDocument> flags;
    private final CrisisFlagLists lists;
    private final CrisisDirectory directory;
    private final Requesters requesters;
    private final ContactSealer sealer;
    private final SubmissionLimit limit;
    private final Clock clock;

    public CrisisService(AggregateStore<CrisisFlagDocument> flags, CrisisFlagLists lists, CrisisDirectory directory,
            Requesters requesters, ContactSealer sealer, SubmissionLimit limit, Clock clock) {
        this.flags = flags;
        this.lists = lists;
        this.directory = directory;
        this.requesters = requesters;
        this.sealer = sealer;
        this.limit = limit;
        this.clock = clock;
    }

    /** The crisis resources of a hospital, for anyone of that hospital. */
    public List<CrisisDirectory.CrisisResource> resources(Caller caller, String hospitalId) {
        caller.requireHospital(hospitalId);
        return directory.forHospital(hospitalId);
    }

    /** A person at risk asked for support themselves: resources now, and the coordinator is alerted. */
    public List<CrisisDirectory.CrisisResource> flag(Caller caller, String hospitalId, NewRequest command) {
        caller.require(Role.STAFF, Role.SUPPORTER, Role.COORDINATOR).requireHospital(hospitalId);
        raise(caller, hospitalId, requesters.of(caller, hospitalId), caller.subject(), command,
                SubmissionLimit.Door.SELF);
        return directory.forHospital(hospitalId);
    }

    /** A coordinator recorded a caller at risk: the resources to read out, and the flag on the hospital's list. */
    public List<CrisisDirectory.CrisisResource> flagOnBehalf(Caller caller, String hospitalId, NewRequest command,
            OnBehalf onBehalf) {
        caller.require(Role.COORDINATOR).requireHospital(hospitalId);
        NewRequest recorded = command.withOrigin(RequestOrigin.ON_BEHALF);
        raise(caller, hospitalId, requesters.onBehalf(hospitalId, onBehalf, recorded.contact()),
                onBehalf.staffId().orElse(null), recorded, SubmissionLimit.Door.ON_BEHALF);
        return directory.forHospital(hospitalId);
    }

    private void raise(Caller caller, String hospitalId, String requesterRef, String requesterSubject,
            NewRequest command, SubmissionLimit.Door door) {
        // The resources are shown whatever the count; past the caller's limit no further flag is raised, so one
        // token cannot bury the coordinator's list.
        if (!limit.tryCount(caller, hospitalId, door)) {
            log.warn("crisis flag not raised: the caller is over the submission limit");
            return;
        }
        String id = UUID.randomUUID().toString();
        Decision<CrisisFlag> decision = CrisisFlag.raise(id, hospitalId, requesterRef, command.details(),
                clock.instant());
        // Listed first, so a stored flag is never missing from its hospital's list.
        lists.add(hospitalId, id);
        flags.insert(new CrisisFlagDocument(decision.state(), sealer.seal(hospitalId, CrisisFlagDocument.COLLECTION,
                id, command.contact(), command.contactPreference(), requesterSubject)), null, decision);
        log.info("crisis flag {} raised", id);
    }

    /** A crisis flag as the coordinator who must call back sees it, with the contact opened. */
    public record OpenFlag(CrisisFlag flag, OpenedContact contact) {
    }

    /** The hospital's crisis flags, oldest first, contact opened: for that hospital's coordinator only. */
    public List<OpenFlag> openFlags(Caller caller, String hospitalId) {
        caller.require(Role.COORDINATOR).requireHospital(hospitalId);
        return lists.flagsOf(hospitalId).stream()
                .map(document -> new OpenFlag(document.toDomain(), sealer.open(hospitalId,
                        CrisisFlagDocument.COLLECTION, document.getId(), document.contact())))
                .toList();
    }
}
