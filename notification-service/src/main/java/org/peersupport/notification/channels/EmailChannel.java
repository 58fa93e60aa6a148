package org.peersupport.notification.channels;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.peersupport.notification.domain.Channel;
import org.peersupport.notification.domain.Templates.Rendered;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Email over SMTP (Spring's {@link JavaMailSender}, Jakarta Mail). The dedupe key is the message's
 * {@code Message-ID} and its {@code X-Idempotency-Key}, so a repeat after a crash is recognisably the same message.
 */
public class EmailChannel implements OutsideChannel {

    private final JavaMailSender mail;
    private final String from;

    public EmailChannel(JavaMailSender mail, String from) {
        this.mail = mail;
        this.from = from;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public void send(String address, Rendered message, String key) {
        MimeMessage mime = mail.createMimeMessage();
        try {
            mime.setFrom(new InternetAddress(from));
            mime.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(address, true));
            mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
            mime.setText(message.text(), StandardCharsets.UTF_8.name());
            mime.setHeader("X-Idempotency-Key", key);
            mime.saveChanges();
            // After saveChanges, which would otherwise put a random Message-ID in its place.
            mime.setHeader("Message-ID", "<" + key + "@notification.peersupport>");
        } catch (MessagingException e) {
            throw new ProviderFailure("email could not be prepared", false);
        }
        try {
            mail.send(mime);
        } catch (MailParseException | MailPreparationException e) {
            throw new ProviderFailure("email refused: " + e.getClass().getSimpleName(), false);
        } catch (MailAuthenticationException e) {
            throw new ProviderFailure("SMTP authentication failed", true);
        } catch (MailException e) {
            // The server away, a timeout, or a refusal: Spring does not tell these apart reliably, so retry.
            throw new ProviderFailure("SMTP send failed: " + e.getClass().getSimpleName(), true);
        }
    }
}
