package org.peersupport.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.peersupport.events.CaseClosed;
import org.peersupport.events.ClosureReason;
import org.peersupport.events.RequestSubmitted;
import org.peersupport.events.SupporterAssigned;
import org.peersupport.platform.test.Api;
import org.peersupport.platform.test.EventMother;
import org.peersupport.platform.test.EventProbe;
import org.peersupport.platform.test.ServiceTest;
import org.peersupport.platform.test.TestTokens;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The supporter who holds a request reads its contact details, nobody else: not the coordinator, an admin, the
 * requester, another supporter, the supporter it was taken from, or anyone once it is withdrawn or closed. Every
 * attempt is audited for the coordinator, without a value.
 */
@ServiceTest
class ContactReadTest {

    static final EventProbe probe = EventProbe.shared();

    @LocalServerPort
    int port;

    record Submitted(String reference, String requesterRef, String token, String name, String phone, String email) {
    }

    Api api() {
        return Api.local(port);
    }

    Submitted submit(String hospitalId) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String name = "Marisol Reachme " + tag;
        String phone = "+1 603 555 " + (1000 + Math.abs(tag.hashCode() % 9000));
        String email = "marisol." + tag + "@example.org";
        String token = Staff.fresh(hospitalId);
        Api.Response response = api().post("/api/hospitals/" + hospitalId + "/requests", token, """
                {"requesterRole":"NURSE","preferredModality":"PHONE","preferredLanguage":"en",
                 "contactMethod":"TEXT","contactWindow":"EVENING",
                 "contact":{"name":"%s","phone":"%s","email":"%s"}}""".formatted(name, phone, email));
        assertThat(response.status()).isEqualTo(202);
        String reference = response.json().get("reference").asString();
        RequestSubmitted event = probe.await(RequestSubmitted.class, e -> e.requestId().equals(reference));
        return new Submitted(reference, event.requesterRef(), token, name, phone, email);
    }

    void assign(String hospitalId, Submitted request, String supporterId) {
        SupporterAssigned assigned = EventMother.supporterAssigned(hospitalId, request.reference(),
                request.requesterRef(), supporterId);
        probe.publish(assigned);
        await().atMost(Duration.ofSeconds(20)).until(() -> api().get(contactPath(hospitalId, request),
                supporter(hospitalId, supporterId)).status() == 200);
    }

    static String contactPath(String hospitalId, Submitted request) {
        return "/api/hospitals/" + hospitalId + "/requests/" + request.reference() + "/contact";
    }

    static String supporter(String hospitalId, String supporterId) {
        return TestTokens.token(supporterId, hospitalId, "supporter");
    }

    @Test
    void theAssignedSupporterReadsNameReachMethodAndWindowNeverCached() throws Exception {
        Submitted request = submit("lakeside");
        assign("lakeside", request, "lakeside-supporter-41");

        Api.Response read = api().get(contactPath("lakeside", request), supporter("lakeside", "lakeside-supporter-41"));

        assertThat(read.status()).isEqualTo(200);
        JsonNode contact = read.json();
        assertThat(contact.get("requestId").asString()).isEqualTo(request.reference());
        assertThat(contact.get("name").asString()).isEqualTo(request.name());
        assertThat(contact.get("phone").asString()).isEqualTo(request.phone());
        assertThat(contact.get("email").asString()).isEqualTo(request.email());
        assertThat(contact.get("contactMethod").asString()).isEqualTo("TEXT");
        assertThat(contact.get("contactWindow").asString()).isEqualTo("EVENING");
        HttpResponse<String> raw = HttpClient.newHttpClient().send(api().request(contactPath("lakeside", request),
                supporter("lakeside", "lakeside-supporter-41")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(raw.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    }

    @Test
    void nobodyElseReadsItTheyGet404AndEveryAttemptIsAuditedForTheCoordinatorWithoutAValue() {
        Submitted request = submit("lakeside");
        assign("lakeside", request, "lakeside-supporter-42");
        String path = contactPath("lakeside", request);
        String coordinator = Staff.coordinator("lakeside");

        assertThat(api().get(path, coordinator).status()).isEqualTo(404);
        assertThat(api().get(path, TestTokens.token("lakeside-admin", "lakeside", "admin")).status()).isEqualTo(404);
        assertThat(api().get(path, TestTokens.token("network-admin", null, "admin")).status()).isEqualTo(403);
        assertThat(api().get(path, request.token()).status()).as("the requester").isEqualTo(404);
        assertThat(api().get(path, supporter("lakeside", "lakeside-supporter-43")).status()).isEqualTo(404);
        assertThat(api().get(path, TestTokens.token("lakeside-supporter-42", "lakeside", "staff")).status())
                .as("their subject without the supporter role").isEqualTo(404);
        assertThat(api().get(path, supporter("riverside", "lakeside-supporter-42")).status())
                .as("another hospital's principal").isEqualTo(403);

        Api.Response audit = api().get("/api/hospitals/lakeside/requests/" + request.reference() + "/contact-reads",
                coordinator);
        assertThat(audit.status()).isEqualTo(200);
        List<String> lines = audit.json().valueStream()
                .map(read -> read.get("reader").asString() + " " + read.get("outcome").asString()).toList();
        assertThat(lines).contains("lakeside-supporter-42 GRANTED", "lakeside-coordinator REFUSED",
                "lakeside-admin REFUSED", "lakeside-supporter-43 REFUSED");
        assertThat(audit.json().valueStream().filter(read -> read.get("readerHospitalId").toString()
                .equals("\"riverside\""))).hasSize(1);
        assertThat(audit.json().get(0).get("requestId").asString()).isEqualTo(request.reference());
        assertThat(audit.json().get(0).get("at").isNull()).isFalse();
        for (String value : List.of(request.name(), request.phone(), request.email(), "TEXT", "EVENING")) {
            assertThat(audit.body()).doesNotContain(value);
        }

        Api.Response day = api().get("/api/hospitals/lakeside/contact-reads?day=" + LocalDate.now(ZoneOffset.UTC),
                coordinator);
        assertThat(day.status()).isEqualTo(200);
        assertThat(day.json().valueStream().filter(read -> read.get("requestId").asString()
                .equals(request.reference()))).hasSizeGreaterThanOrEqualTo(6);
        assertThat(api().get("/api/hospitals/lakeside/requests/" + request.reference() + "/contact-reads",
                supporter("lakeside", "lakeside-supporter-42")).status()).isEqualTo(403);
        assertThat(api().get("/api/hospitals/lakeside/requests/" + request.reference() + "/contact-reads",
                Staff.coordinator("riverside")).status()).isEqualTo(403);
    }

    @Test
    void aSupporterWhoNoLongerHoldsTheRequestLosesTheContactReassignedWithdrawnOrClosed() {
        Submitted reassigned = submit("riverside");
        assign("riverside", reassigned, "riverside-supporter-51");
        assign("riverside", reassigned, "riverside-supporter-52");
        assertThat(api().get(contactPath("riverside", reassigned), supporter("riverside", "riverside-supporter-51"))
                .status()).as("the supporter it was taken from").isEqualTo(404);

        Submitted withdrawn = submit("riverside");
        assign("riverside", withdrawn, "riverside-supporter-53");
        api().post("/api/hospitals/riverside/requests/" + withdrawn.reference() + "/withdrawal", withdrawn.token(), "");
        assertThat(api().get(contactPath("riverside", withdrawn), supporter("riverside", "riverside-supporter-53"))
                .status()).isEqualTo(404);

        Submitted closed = submit("riverside");
        assign("riverside", closed, "riverside-supporter-54");
        CaseClosed closure = EventMother.caseClosed("riverside", closed.reference(), "riverside-supporter-54",
                ClosureReason.BY_SUPPORTER);
        probe.publish(closure);
        await().atMost(Duration.ofSeconds(20)).until(() -> api().get(contactPath("riverside", closed),
                supporter("riverside", "riverside-supporter-54")).status() == 404);
        Api.Response status = api().get("/api/hospitals/riverside/requests/" + closed.reference(), closed.token());
        assertThat(status.json().get("status").asString()).isEqualTo("CLOSED");
        Api.Response again = api().post("/api/hospitals/riverside/requests", closed.token(), """
                {"requesterRole":"NURSE","preferredModality":"PHONE","preferredLanguage":"en",
                 "contact":{"name":"Back Again","phone":"+16035550199"}}""");
        assertThat(again.status()).as("a closed case frees the requester's one open request").isEqualTo(202);
    }

    @Test
    void aBadReferenceOrDayIsAProblemNamingTheField() {
        Api.Response badId = api().get("/api/hospitals/lakeside/requests/not$a-ref/contact",
                supporter("lakeside", "lakeside-supporter-41"));
        Api.Response badDay = api().get("/api/hospitals/lakeside/contact-reads?day=yesterday",
                Staff.coordinator("lakeside"));

        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.isProblem()).isTrue();
        assertThat(badId.body()).contains("requestId");
        assertThat(badDay.status()).isEqualTo(400);
        assertThat(badDay.body()).contains("day");
        assertThat(api().get("/api/hospitals/lakeside/requests/" + UUID.randomUUID() + "/contact",
                supporter("lakeside", "lakeside-supporter-41")).status()).as("a request that does not exist")
                .isEqualTo(404);
    }
}
