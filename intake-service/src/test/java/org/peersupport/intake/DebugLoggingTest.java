package org.peersupport.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.peersupport.events.RequestSubmitted;
import org.peersupport.platform.test.Api;
import org.peersupport.platform.test.EventMother;
import org.peersupport.platform.test.EventProbe;
import org.peersupport.platform.test.ServiceTest;
import org.peersupport.platform.test.TestTokens;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** What an operator switches on to chase a problem must not print what a requester typed, valid or not. */
@ServiceTest
@TestPropertySource(properties = {"logging.level.org.springframework.web=DEBUG", "logging.level.org.peersupport=DEBUG"})
@ExtendWith(OutputCaptureExtension.class)
class DebugLoggingTest {

    @LocalServerPort
    int port;

    @Test
    void debugWebLoggingPrintsNoContactDetailOfAValidOrAnInvalidSubmission(CapturedOutput output) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String name = "Ottoline Debugcheck " + tag;
        String phone = "+1 603 555 " + (1000 + Math.abs(tag.hashCode() % 9000));
        String email = "ottoline." + tag + "@example.org";
        String badPhone = "call me maybe " + tag;
        String badEmail = "ottoline-" + tag + "-at-nowhere";
        String token = Staff.fresh("lakeside");
        Api api = Api.local(port);

        Api.Response valid = api.post("/api/hospitals/lakeside/requests", token, body(name, phone, email));
        Api.Response invalid = api.post("/api/hospitals/lakeside/requests", token, body(name, badPhone, badEmail));

        assertThat(valid.status()).isEqualTo(202);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(output.getAll()).as("DEBUG web logging was on and logged the body it read")
                .contains("SubmitRequestBody[redacted]");
        for (String secret : new String[] {name, phone, email, badPhone, badEmail, tag}) {
            assertThat(output.getAll()).as("log output").doesNotContain(secret);
        }
    }

    @Test
    void theLogLinesOfASubmissionCarryItsCorrelationAndTraceIdsAndItsEventContinuesTheTrace(CapturedOutput output) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String name = "Ottoline Tracecheck " + tag;
        String phone = "+1 603 555 " + (1000 + Math.abs(tag.hashCode() % 9000));
        String email = "ottoline.trace." + tag + "@example.org";
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String correlationId = "corr-" + tag;
        Api api = Api.local(port);

        Api.Response valid = api.send(api.request("/api/hospitals/lakeside/requests", Staff.fresh("lakeside"))
                .header("Content-Type", "application/json")
                .header("X-Correlation-Id", correlationId)
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .POST(HttpRequest.BodyPublishers.ofString(body(name, phone, email))).build());

        assertThat(valid.status()).isEqualTo(202);
        assertThat(valid.correlationId()).isEqualTo(correlationId);
        String reference = valid.json().get("reference").asString();
        String submittedLine = output.getAll().lines().filter(line -> line.contains("request " + reference + " submitted"))
                .findFirst().orElseThrow();
        assertThat(submittedLine).as("the correlation id and the trace id are in the line's MDC fields")
                .contains(correlationId).contains(traceId);
        RequestSubmitted submitted = EventProbe.shared().await(RequestSubmitted.class,
                e -> e.requestId().equals(reference));
        ConsumerRecord<byte[], byte[]> record = EventProbe.shared().awaitRecord(submitted.eventId());
        assertThat(EventProbe.header(record, "traceparent")).as("the event goes on with the request's trace")
                .startsWith("00-" + traceId + "-");
        assertThat(EventProbe.header(record, "ce_correlationid")).isEqualTo(correlationId);
        for (String secret : new String[] {name, phone, email}) {
            assertThat(output.getAll()).as("log output").doesNotContain(secret);
        }
    }

    @Test
    void debugWebLoggingPrintsNoContactDetailOfARequestRecordedOnBehalfOrACrisisFlagReadBack(CapturedOutput output) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String name = "Perpetua Callback " + tag;
        String email = "perpetua." + tag + "@example.org";
        String coordinator = Staff.coordinator("lakeside");
        Api api = Api.local(port);
        String recorded = """
                {"channel":"EMAIL","staffId":"%s","request":%s}""".formatted("staff-" + tag,
                body(name, "+1 603 555 0123", email));
        String atRisk = body(name, "+1 603 555 0123", email).replace("\"contact\"",
                "\"screening\":{\"riskOfHarmToSelf\":true},\"contact\"");

        assertThat(api.post("/api/hospitals/lakeside/requests/on-behalf", coordinator, recorded).status())
                .isEqualTo(202);
        assertThat(api.post("/api/hospitals/lakeside/requests", Staff.fresh("lakeside"), atRisk).status())
                .isEqualTo(200);
        Api.Response flags = api.get("/api/hospitals/lakeside/crisis-flags", coordinator);

        assertThat(flags.body()).as("the coordinator reads the contact to call back").contains(name);
        assertThat(output.getAll()).contains("OnBehalfBody[redacted]");
        for (String secret : new String[] {name, email, tag}) {
            assertThat(output.getAll()).as("log output").doesNotContain(secret);
        }
    }

    @Test
    void debugWebLoggingPrintsNoContactDetailTheAssignedSupporterReads(CapturedOutput output) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String name = "Leontyne Readback " + tag;
        String email = "leontyne." + tag + "@example.org";
        Api api = Api.local(port);
        String reference = api.post("/api/hospitals/lakeside/requests", Staff.fresh("lakeside"),
                body(name, "+1 603 555 0124", email)).json().get("reference").asString();
        RequestSubmitted submitted = EventProbe.shared().await(RequestSubmitted.class,
                e -> e.requestId().equals(reference));
        EventProbe.shared().publish(EventMother.supporterAssigned("lakeside", reference, submitted.requesterRef(),
                "lakeside-supporter-" + tag));
        String supporter = TestTokens.token("lakeside-supporter-" + tag, "lakeside", "supporter");
        String path = "/api/hospitals/lakeside/requests/" + reference + "/contact";

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> api.get(path, supporter).status() == 200);

        assertThat(api.get(path, supporter).body()).as("the supporter reads it").contains(name);
        assertThat(output.getAll()).contains("ContactView[redacted]");
        for (String secret : new String[] {name, email, tag + "@"}) {
            assertThat(output.getAll()).as("log output").doesNotContain(secret);
        }
    }

    private static String body(String name, String phone, String email) {
        return """
                {"requesterRole":"NURSE","preferredModality":"PHONE","preferredLanguage":"en",
                 "contact":{"name":"%s","phone":"%s","email":"%s"}}""".formatted(name, phone, email);
    }
}
