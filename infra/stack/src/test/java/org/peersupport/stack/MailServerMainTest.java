package org.peersupport.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local mail part: what reaches its SMTP port shows on its page and its JSON, escaped. */
class MailServerMainTest {

    final HttpClient http = HttpClient.newHttpClient();

    private String get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void anEmailSentToItsSmtpPortShowsOnItsPageAndJson() throws Exception {
        try (MailServerMain.Running mail = MailServerMain.start(0, 0)) {
            int smtpPort = mail.smtp().getSmtp().getPort();
            int webPort = mail.web().getAddress().getPort();
            GreenMailUtil.sendTextEmail("someone@demo.peersupport.test", "peer@notification.local",
                    "Peer support: <a check-in>", "Open the console: http://127.0.0.1:8080\n\"quoted\"",
                    new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

            await().atMost(Duration.ofSeconds(10)).until(() -> get(webPort, "/api/messages").contains("someone@"));
            String json = get(webPort, "/api/messages");
            String page = get(webPort, "/");

            assertThat(json).contains("\"subject\":\"Peer support: <a check-in>\"").contains("\\\"quoted\\\"");
            assertThat(page).contains("Peer support: &lt;a check-in&gt;")
                    .contains("<a href=\"http://127.0.0.1:8080\">http://127.0.0.1:8080</a>");
            assertThat(get(webPort, "/actuator/health")).contains("\"status\":\"UP\"");
        }
    }

    @Test
    void thePartRunsOnTheMailPortsAndServicesSendToIt(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("infra/stack/target"));
        Files.writeString(root.resolve("infra/stack/target/classpath.txt"), "");
        LocalStack stack = new LocalStack(StackConfig.defaults(root, Map.of()));
        List<String> cmd = stack.command(StackConfig.MAIL);

        assertThat(cmd).contains(MailServerMain.class.getName(), "--smtp-port=3025", "--web-port=8025");
        assertThat(stack.environment("notification")).containsEntry("SMTP_HOST", "127.0.0.1")
                .containsEntry("SMTP_PORT", "3025")
                .containsEntry("NOTIFICATION_OFFER_LINK_URL", "http://127.0.0.1:8082/offer-links");
        StackConfig moved = StackConfig.defaults(root, Map.of("PEER_PORT_MAIL", "18025"));
        assertThat(moved.port(StackConfig.MAIL_SMTP)).isEqualTo(13025);
        assertThat(StackConfig.defaults(root, Map.of("PEER_PORT_MAIL_SMTP", "2525"))
                .port(StackConfig.MAIL_SMTP)).isEqualTo(2525);
    }
}
