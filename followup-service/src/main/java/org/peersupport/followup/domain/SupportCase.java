package org.peersupport.followup.domain;

import static org.peersupport.platform.kernel.Decision.newEventId;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.peersupport.events.CaseOpened;
import org.peersupport.events.CheckInDue;
import org.peersupport.platform.kernel.Decision;

/**
 * A case under follow-up: the supporter's check-ins with the requester after an assignment. A withdrawn request
 * closes its case; one withdrawn before its assignment arrived is stored closed, without a supporter, so that a late
 * assignment opens nothing.
 */
public record SupportCase(String id, String hospitalId, String supporterId, Instant openedAt, int checkInsDue,
        Status status) {

    /** The type of the timers that make check-ins fall due. */
    public static final String CHECK_IN_TIMER = "followup.check-in";
    /** The payload entry of a check-in timer that says which check-in it is. */
    public static final String CHECK_IN_NUMBER = "number";

    public enum Status {
        OPEN, CLOSED
    }

    public static Decision<SupportCase> open(String requestId, String hospitalId, String supporterId, Instant now,
            CheckInSchedule schedule) {
        SupportCase opened = new SupportCase(requestId, hospitalId, supporterId, now, 0, Status.OPEN);
        Instant first = schedule.dueAt(now, 1).orElseThrow();
        return Decision.to(opened)
                .publishing(new CaseOpened(newEventId(), now, hospitalId, requestId, supporterId, first))
                .scheduling(opened.checkInTimer(1, first));
    }

    /** The request was withdrawn before any assignment reached follow-up: a closed case, so none is ever opened. */
    public static Decision<SupportCase> withdrawnBeforeOpening(String requestId, String hospitalId, Instant now) {
        return Decision.to(new SupportCase(requestId, hospitalId, null, now, 0, Status.CLOSED));
    }

    /**
     * The requester withdrew: the case closes, so a check-in timer that fires later changes nothing and the chain of
     * check-ins ends. Closing a closed case changes nothing.
     */
    public Decision<SupportCase> withdrawn() {
        if (status == Status.CLOSED) {
            return Decision.unchanged(this);
        }
        return Decision.to(new SupportCase(id, hospitalId, supporterId, openedAt, checkInsDue, Status.CLOSED));
    }

    /**
     * Check-in {@code number} is due: tell the supporter, and schedule the next one if the schedule has one. One
     * that fell due already, or a closed case, changes nothing (a timer may fire again after a crash).
     */
    public Decision<SupportCase> checkInDue(int number, Instant now, CheckInSchedule schedule) {
        if (status != Status.OPEN || number <= checkInsDue) {
            return Decision.unchanged(this);
        }
        SupportCase next = new SupportCase(id, hospitalId, supporterId, openedAt, number, status);
        Decision<SupportCase> decision = Decision.to(next)
                .publishing(new CheckInDue(newEventId(), now, hospitalId, id, supporterId, number));
        Optional<Instant> following = schedule.dueAt(openedAt, number + 1);
        return following.isPresent() ? decision.scheduling(checkInTimer(number + 1, following.get())) : decision;
    }

    /** Which check-in a timer fires; timers stored before they had a payload say it only in their id. */
    public static int checkInNumber(Map<String, String> payload, String timerId) {
        String number = payload.get(CHECK_IN_NUMBER);
        return Integer.parseInt(number != null ? number : timerId.substring(timerId.lastIndexOf(':') + 1));
    }

    private Decision.Timer checkInTimer(int number, Instant dueAt) {
        return new Decision.Timer("check-in:" + number, CHECK_IN_TIMER, hospitalId, dueAt,
                Map.of(CHECK_IN_NUMBER, String.valueOf(number)));
    }
}
