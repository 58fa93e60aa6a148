package org.peersupport.training.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.peersupport.platform.outbox.HoldsState;
import org.peersupport.platform.outbox.OutboxDocument;
import org.peersupport.training.domain.Audience;
import org.peersupport.training.domain.Course;
import org.peersupport.training.domain.Session;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One training session with its seats and waitlist as arrays of attendee keys: a registration is one conditional
 * {@code $push} on this document ({@link Sessions#register}), every other change a guarded replace.
 */
@Document(SessionDocument.COLLECTION)
public class SessionDocument extends OutboxDocument implements HoldsState<Session> {

    public static final String COLLECTION = "sessions";
    static final String SEATED = "seated";
    static final String WAITLISTED = "waitlisted";

    private String hospitalId;
    private Course course;
    private Instant startsAt;
    private Instant endsAt;
    private String location;
    private Audience audience;
    private int seats;
    private int waitlistPlaces;
    private List<String> seated = new ArrayList<>();
    private List<String> waitlisted = new ArrayList<>();
    private List<String> attended = new ArrayList<>();

    protected SessionDocument() {
    }

    public SessionDocument(Session session) {
        super(session.id());
        apply(session);
    }

    @Override
    public void apply(Session session) {
        hospitalId = session.hospitalId();
        course = session.course();
        startsAt = session.startsAt();
        endsAt = session.endsAt();
        location = session.location();
        audience = session.audience();
        seats = session.seats();
        waitlistPlaces = session.waitlistPlaces();
        seated = new ArrayList<>(session.seated());
        waitlisted = new ArrayList<>(session.waitlisted());
        attended = new ArrayList<>(session.attended());
    }

    @Override
    public Session toDomain() {
        return new Session(getId(), hospitalId, course, startsAt, endsAt, location, audience, seats, waitlistPlaces,
                seated, waitlisted, attended);
    }
}
