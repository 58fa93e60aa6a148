package org.peersupport.matching.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.peersupport.matching.application.OfferLinkService;
import org.peersupport.matching.domain.Assignment;
import org.peersupport.platform.crypto.OfferLinks.Action;
import org.peersupport.platform.crypto.OfferLinks.OfferLink;
import org.peersupport.platform.kernel.DomainRuleBroken;
import org.peersupport.platform.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed accept and decline links of an offer's email or SMS, for a supporter on shift without the console at
 * hand. {@code GET} only shows a page asking to confirm (mail scanners and link previews follow links); the
 * page's button {@code POST}s, and only that answers. Public path: the token is the credential.
 */
@RestController
class OfferLinkController {

    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final OfferLinkService links;

    OfferLinkController(OfferLinkService links) {
        this.links = links;
    }

    @GetMapping(value = "/offer-links/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> confirm(@PathVariable String token) {
        return links.read(token).map(link -> page(HttpStatus.OK, verb(link) + " this peer support request?",
                "<p>The offer is open until " + UNTIL.format(link.expiresAt()) + ".</p>"
                        + "<form method=\"post\"><button type=\"submit\">" + verb(link) + "</button></form>"))
                .orElseGet(OfferLinkController::notValid);
    }

    @PostMapping(value = "/offer-links/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> answer(@PathVariable String token) {
        try {
            boolean accepting = links.read(token).map(l -> l.action() == Action.ACCEPT).orElse(false);
            Assignment settled = links.answer(token);
            if (!accepting) {
                return page(HttpStatus.OK, "Declined", "<p>Thank you. The request goes to someone else.</p>");
            }
            return settled.status() == Assignment.Status.ACTIVE
                    ? page(HttpStatus.OK, "Accepted", "<p>The request is yours. Open the console to see it.</p>")
                    : page(HttpStatus.OK, "Received", "<p>Your answer is in. Open the console to see where the "
                            + "request stands.</p>");
        } catch (NotFoundException e) {
            return notValid();
        } catch (DomainRuleBroken e) {
            return page(HttpStatus.CONFLICT, "This offer is no longer open",
                    "<p>It was answered, withdrawn or has expired. Open the console to see your offers.</p>");
        }
    }

    private static String verb(OfferLink link) {
        return link.action() == Action.ACCEPT ? "Accept" : "Decline";
    }

    private static ResponseEntity<String> notValid() {
        return page(HttpStatus.NOT_FOUND, "This link is not valid",
                "<p>It has expired or was not made for you. Open the console to see your offers.</p>");
    }

    private static ResponseEntity<String> page(HttpStatus status, String title, String body) {
        String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width\"><meta name=\"robots\" content=\"noindex\">"
                + "<title>" + title + "</title></head><body><h1>" + title + "</h1>" + body + "</body></html>";
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML)
                .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer").body(html);
    }
}
