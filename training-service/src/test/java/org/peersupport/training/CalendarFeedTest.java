package org.peersupport.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.peersupport.platform.test.Api;
import org.peersupport.platform.test.ServiceTest;
import org.peersupport.platform.test.TestTokens;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The community calendar as a calendar client reads it: parsed by ical4j, a real iCalendar parser. */
@ServiceTest
class CalendarFeedTest {

    @LocalServerPort
    int port;

    @Test
    void theFeedParsesAndShowsTheCommunitysSessionsAndTheCallersOwnHospitals() throws Exception {
        Api api = Api.local(port);
        Instant start = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        String community = RegistrationUnderLoadTest.Sessions.schedule(api, "riverside", "PEER_SUPPORT_SALON",
                "COMMUNITY", start, null, null);
        String own = RegistrationUnderLoadTest.Sessions.schedule(api, "summit", "LEADER_SUPPORTING_STAFF",
                "HOSPITAL", start.plus(Duration.ofDays(1)), 8, 2);
        String othersOnly = RegistrationUnderLoadTest.Sessions.schedule(api, "lakeside", "PEER_SUPPORTER_WORKSHOP",
                "HOSPITAL", start, null, null);

        Api.Response feed = api.get("/api/calendar.ics", TestTokens.token("summit-staff-1", "summit", "staff"));

        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.contentType()).startsWith("text/calendar");
        assertThat(feed.body()).contains("\r\n").doesNotContain("summit-staff-1");
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed.body()));
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        List<String> uids = events.stream().map(e -> value(e, Property.UID)).toList();
        assertThat(uids).contains(community + "@training.peersupport", own + "@training.peersupport")
                .doesNotContain(othersOnly + "@training.peersupport");
        VEvent salon = events.stream().filter(e -> value(e, Property.UID).startsWith(community)).findFirst()
                .orElseThrow();
        assertThat(value(salon, Property.SUMMARY)).isEqualTo("Peer Support Salon");
        assertThat(value(salon, Property.LOCATION)).isEqualTo("Conference room B, riverside");
        assertThat(value(salon, Property.DTSTART)).isEqualTo(ICAL.format(start));
        assertThat(value(salon, Property.DESCRIPTION)).contains("Seats left: 16 of 16");
        assertThat(api.get("/api/calendar.ics", null).status()).isEqualTo(401);
    }

    static final java.time.format.DateTimeFormatter ICAL = java.time.format.DateTimeFormatter
            .ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(java.time.ZoneOffset.UTC);

    private static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElse(null);
    }
}
