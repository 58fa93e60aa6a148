package org.peersupport.stack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * The local stack's SMTP server (GreenMail) on 127.0.0.1, catching every email the services send, and a small view
 * of what it caught: {@code /} a page of the messages, newest first; {@code /api/messages} the same as JSON
 * ({@code to}, {@code subject}, {@code sentAt}, {@code messageId}, {@code body}); {@code /actuator/health} for the
 * launcher. Messages live in memory only: a restart forgets them.
 *
 * <p>Arguments: {@code --smtp-port=3025 --web-port=8025}.
 */
public final class MailServerMain {

    private MailServerMain() {
    }

    /** One caught message, as the view shows it. */
    record Caught(String to, String subject, String sentAt, String messageId, String body) {
    }

    /** A running mail part: the SMTP server and its view. */
    record Running(GreenMail smtp, HttpServer web) implements AutoCloseable {

        @Override
        public void close() {
            web.stop(0);
            smtp.stop();
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = Args.parse(args, "peersupport.mail.");
        int smtpPort = Integer.parseInt(Args.require(opts, "smtp-port"));
        int webPort = Integer.parseInt(Args.require(opts, "web-port"));
        Running running = start(smtpPort, webPort);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            stopped.countDown();
        }, "mail-shutdown"));
        System.out.println("[peer] SMTP server (GreenMail) on 127.0.0.1:" + smtpPort + ", messages at http://127.0.0.1:"
                + webPort + "/");
        stopped.await();
    }

    /** Starts the SMTP server and the view on 127.0.0.1 (port 0: any free one). */
    static Running start(int smtpPort, int webPort) throws IOException {
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        HttpServer web = HttpServer.create(new InetSocketAddress("127.0.0.1", webPort), 0);
        web.createContext("/actuator/health", ex -> send(ex, 200, "application/json", "{\"status\":\"UP\"}"));
        web.createContext("/api/messages", ex -> send(ex, 200, "application/json", json(caught(smtp))));
        web.createContext("/", ex -> {
            if (!ex.getRequestURI().getPath().equals("/")) {
                send(ex, 404, "text/plain", "not found");
                return;
            }
            send(ex, 200, "text/html", html(caught(smtp)));
        });
        web.start();
        return new Running(smtp, web);
    }

    static List<Caught> caught(GreenMail smtp) {
        List<Caught> all = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            try {
                String to = message.getAllRecipients() == null ? "" : Arrays.stream(message.getAllRecipients())
                        .map(Object::toString).collect(Collectors.joining(", "));
                all.add(new Caught(to, String.valueOf(message.getSubject()),
                        message.getSentDate() == null ? "" : message.getSentDate().toInstant().toString(),
                        message.getMessageID() == null ? "" : message.getMessageID(), GreenMailUtil.getBody(message)));
            } catch (MessagingException e) {
                all.add(new Caught("", "(unreadable message)", "", "", ""));
            }
        }
        Collections.reverse(all);
        return all;
    }

    static String json(List<Caught> messages) {
        return messages.stream().map(m -> "{\"to\":" + quote(m.to()) + ",\"subject\":" + quote(m.subject())
                + ",\"sentAt\":" + quote(m.sentAt()) + ",\"messageId\":" + quote(m.messageId()) + ",\"body\":"
                + quote(m.body()) + "}").collect(Collectors.joining(",", "[", "]"));
    }

    static String html(List<Caught> messages) {
        StringBuilder page = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta http-equiv=\"refresh\" content=\"5\"><title>Local mail</title><style>body{font-family:"
                + "sans-serif;margin:2em}article{border:1px solid #ccc;padding:1em;margin:1em 0}pre{white-space:"
                + "pre-wrap}</style></head><body><h1>Emails caught by the local SMTP server</h1><p>")
                .append(messages.size()).append(" message(s), newest first; JSON at <a href=\"/api/messages\">"
                        + "/api/messages</a>.</p>");
        for (Caught m : messages) {
            page.append("<article><h2>").append(escape(m.subject())).append("</h2><p>To ").append(escape(m.to()))
                    .append(m.sentAt().isEmpty() ? "" : " at " + escape(m.sentAt())).append("</p><pre>")
                    .append(linked(escape(m.body())))
                    .append("</pre></article>");
        }
        return page.append("</body></html>").toString();
    }

    /** The message's links made clickable (after escaping, so only our own markup is added). */
    private static String linked(String escaped) {
        return escaped.replaceAll("(https?://[^\\s<&]+)", "<a href=\"$1\">$1</a>");
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
