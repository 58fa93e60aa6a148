package org.peersupport.platform.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.peersupport.platform.Failures;
import org.peersupport.platform.kernel.DomainRuleBroken;
import org.peersupport.platform.kernel.InvalidValue;
import org.peersupport.platform.outbox.ConcurrentUpdateException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error as an RFC 9457 problem detail. Bad input names the field and the reason but never echoes the
 * submitted value: it may be personal data.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    static final int RETRY_AFTER_SECONDS = 5;

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (causedByOversizeBody(ex)) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, "Request body is too large.", List.of());
        }
        JacksonException jackson = find(ex, JacksonException.class);
        String field = jackson == null ? null : path(jackson);
        if (field == null || field.isEmpty()) {
            return problem(HttpStatus.BAD_REQUEST, "Request body is not valid JSON of the expected shape.", List.of());
        }
        String reason = jackson instanceof UnrecognizedPropertyException ? "unknown field"
                : "wrong type or malformed value";
        return problem(HttpStatus.BAD_REQUEST, "Field '" + field + "': " + reason + ".",
                List.of(Map.of("field", field, "reason", reason)));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(),
                        "reason", String.valueOf(error.getDefaultMessage())))
                .sorted((a, b) -> a.get("field").compareTo(b.get("field")))
                .toList();
        String detail = errors.stream().map(e -> "'" + e.get("field") + "' " + e.get("reason"))
                .collect(Collectors.joining("; "));
        return problem(HttpStatus.BAD_REQUEST, "Invalid request: " + detail + ".", errors);
    }

    /** A value refused by field, at the edge (InvalidInputException) or by the domain: 400 naming the field. */
    @ExceptionHandler(InvalidValue.class)
    ResponseEntity<Object> invalidValue(InvalidValue ex) {
        return problem(HttpStatus.BAD_REQUEST, "Field '" + ex.field() + "': " + ex.reason() + ".",
                List.of(Map.of("field", ex.field(), "reason", ex.reason())));
    }

    /** A domain rule the call would break: 409, with the rule's stable reason. */
    @ExceptionHandler(DomainRuleBroken.class)
    ResponseEntity<Object> ruleBroken(DomainRuleBroken ex) {
        ResponseEntity<Object> conflict = problem(HttpStatus.CONFLICT, ex.getMessage(), List.of());
        ((ProblemDetail) conflict.getBody()).setProperty("reason", ex.reason());
        return conflict;
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException ex) {
        return problem(HttpStatus.NOT_FOUND, ex.getMessage(), List.of());
    }

    /** The caller's allowance for this window is used up: 429 with Retry-After. */
    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<Object> tooMany(TooManyRequestsException ex) {
        ResponseEntity<Object> limited = problem(HttpStatus.TOO_MANY_REQUESTS, ex.getMessage(), List.of());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()))
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(limited.getBody());
    }

    /** An Idempotency-Key reused with another body: 422 naming the header. */
    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ResponseEntity<Object> keyReused(IdempotencyKeyReusedException ex) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Field 'Idempotency-Key': " + ex.getMessage(),
                List.of(Map.of("field", "Idempotency-Key", "reason", "already used with a different request body")));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> denied(AccessDeniedException ex) {
        return problem(HttpStatus.FORBIDDEN, "Not allowed for this principal.", List.of());
    }

    @ExceptionHandler(ConcurrentUpdateException.class)
    ResponseEntity<Object> conflict(ConcurrentUpdateException ex) {
        return problem(HttpStatus.CONFLICT, "The resource changed concurrently; try again.", List.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex) {
        if (Failures.isTransient(ex)) {
            // The store (or broker) is away: nothing was changed, and the same call will do once it is back.
            log.warn("{} handling a request: answered 503", ex.getClass().getSimpleName());
            ResponseEntity<Object> unavailable = problem(HttpStatus.SERVICE_UNAVAILABLE,
                    "The service cannot reach its store right now; nothing was changed. Try again shortly.",
                    List.of());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS))
                    .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                    .body(unavailable.getBody());
        }
        log.error("unexpected {} handling a request", ex.getClass().getName());
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error.", List.of());
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String detail, List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static String path(JacksonException ex) {
        return ex.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static boolean causedByOversizeBody(Throwable ex) {
        return find(ex, BodySizeLimitFilter.BodyTooLargeException.class) != null;
    }

    private static <T extends Throwable> T find(Throwable ex, Class<T> type) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
