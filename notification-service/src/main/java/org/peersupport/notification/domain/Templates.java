package org.peersupport.notification.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;

/**
 * The words of every notice on email and SMS, keyed by kind. A template is fixed text plus links that the system
 * made (the console, signed accept and decline links); it has no slot for anything an event carries, so no name, no
 * clinical word and nothing of a hospital's event can reach a phone or a mailbox. {@code TemplatesCanaryTest}
 * renders every kind with canary values in every input and finds none of them.
 */
public final class Templates {

    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** Subject line of each kind's email; the SMS is the notice's own text. */
    private static final Map<Notice, String> SUBJECTS = new EnumMap<>(Map.ofEntries(
            Map.entry(Notice.NEW_OFFER, "Peer support: a request is offered to you"),
            Map.entry(Notice.NEW_REQUEST, "Peer support: a new request for you"),
            Map.entry(Notice.FIRST_CONTACT_DUE, "Peer support: first contact is due"),
            Map.entry(Notice.CHECK_IN_DUE, "Peer support: a check-in is due"),
            Map.entry(Notice.SLA_BREACHED, "Peer support: a request is past its time limit"),
            Map.entry(Notice.CHECK_IN_MISSED, "Peer support: a check-in was missed"),
            Map.entry(Notice.MATCH_ESCALATED, "Peer support: a request needs you"),
            Map.entry(Notice.CRISIS_FLAGGED, "Peer support: urgent call-back needed"),
            Map.entry(Notice.OUTREACH_OFFERED, "Peer support is offered to you"),
            Map.entry(Notice.WORKSHOP_REMINDER, "Peer support: workshop reminder"),
            Map.entry(Notice.WAITLIST_PROMOTED, "Peer support: a workshop place for you")));

    static {
        for (Notice notice : Notice.values()) {
            if (!SUBJECTS.containsKey(notice)) {
                throw new ExceptionInInitializerError("no template for " + notice);
            }
        }
    }

    private Templates() {
    }

    /** What an email or SMS says: a subject (empty for SMS) and the text. */
    public record Rendered(String subject, String text) {

        @Override
        public String toString() {
            return "Rendered[redacted]";
        }
    }

    /**
     * The links a notice may carry: the console always; for an offer, signed accept and decline links and the
     * moment they stop working.
     */
    public record Links(String console, String accept, String decline, Instant offerExpiresAt) {

        public static Links console(String console) {
            return new Links(console, null, null, null);
        }

        boolean answerable() {
            return accept != null && decline != null;
        }
    }

    public static Rendered render(Notice notice, Channel channel, Links links) {
        return switch (channel) {
            case EMAIL -> new Rendered(SUBJECTS.get(notice), email(notice, links));
            case SMS -> new Rendered("", sms(notice, links));
            case IN_APP -> new Rendered("", notice.text());
        };
    }

    private static String email(Notice notice, Links links) {
        StringBuilder text = new StringBuilder(notice.text()).append("\n\n");
        if (notice == Notice.NEW_OFFER && links.answerable()) {
            text.append("Accept: ").append(links.accept()).append('\n')
                    .append("Decline: ").append(links.decline()).append('\n');
            if (links.offerExpiresAt() != null) {
                text.append("The offer and these links end at ").append(UNTIL.format(links.offerExpiresAt()))
                        .append(".\n");
            }
            text.append('\n');
        }
        text.append("Console: ").append(links.console()).append("\n\n")
                .append("This message says nothing about the person or what happened, on purpose. ")
                .append("Change how you are told in the console.\n");
        return text.toString();
    }

    private static String sms(Notice notice, Links links) {
        if (notice == Notice.NEW_OFFER && links.answerable()) {
            return notice.text() + " Accept: " + links.accept() + " Decline: " + links.decline();
        }
        return notice.text() + " " + links.console();
    }
}
