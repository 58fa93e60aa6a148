package org.peersupport.notification.domain;

/**
 * What a person is told, and nothing more: no names, no event descriptions, no clinical words, so the text is safe
 * on any channel (docs/design.md, "Confidentiality"). Each kind says whom it is for and whether it may wait out the
 * recipient's quiet hours; {@link Templates} renders it for email and SMS.
 */
public enum Notice {
    NEW_OFFER(Audience.SUPPORTER, true,
            "You are offered a peer support request. Open the console to accept or decline it."),
    NEW_REQUEST(Audience.SUPPORTER, true, "You have a new peer support request. Open the console to see it."),
    FIRST_CONTACT_DUE(Audience.SUPPORTER, false,
            "First contact is due for one of your cases. Open the console to see it."),
    CHECK_IN_DUE(Audience.SUPPORTER, false, "A check-in is due for one of your cases. Open the console to see it."),
    SLA_BREACHED(Audience.COORDINATOR, true,
            "A request at your hospital is past its time limit. Open the console to act on it."),
    // Not urgent: a check-in runs on a schedule of days, so the coordinator hears of a missed one after their quiet
    // hours; anything that cannot wait is a crisis flag, which is urgent.
    CHECK_IN_MISSED(Audience.COORDINATOR, false,
            "A check-in at your hospital was missed. Open the console to see it."),
    MATCH_ESCALATED(Audience.COORDINATOR, true,
            "A request at your hospital needs a supporter chosen by hand. Open the console to see it."),
    CRISIS_FLAGGED(Audience.COORDINATOR, true,
            "Someone at your hospital asked for an urgent call-back. Open the console now."),
    OUTREACH_OFFERED(Audience.STAFF, false,
            "You are offered peer support. It is voluntary and confidential. Open the console to answer."),
    WORKSHOP_REMINDER(Audience.SUPPORTER, false,
            "You have a peer support workshop coming up. Open the console to see when."),
    WAITLIST_PROMOTED(Audience.SUPPORTER, false,
            "A place opened for you in a peer support workshop. Open the console to see it.");

    /** Who hears of it: the supporter it names, the hospital's coordinators, or the staff member offered support. */
    public enum Audience {
        SUPPORTER, COORDINATOR, STAFF
    }

    private final Audience audience;
    private final boolean urgent;
    private final String text;

    Notice(Audience audience, boolean urgent, String text) {
        this.audience = audience;
        this.urgent = urgent;
        this.text = text;
    }

    public Audience audience() {
        return audience;
    }

    /** An urgent notice goes out at once; any other waits for the end of the recipient's quiet hours. */
    public boolean urgent() {
        return urgent;
    }

    public String text() {
        return text;
    }
}
