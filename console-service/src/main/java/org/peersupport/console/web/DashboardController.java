package org.peersupport.console.web;

import java.util.Map;
import org.peersupport.console.application.DashboardService;
import org.peersupport.console.application.DashboardService.Range;
import org.peersupport.platform.security.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The network admin's cross-hospital dashboard: the figures as JSON, as CSV, and as a live stream of server-sent
 * events. Only a principal with the admin role and no hospital sees them; anyone else gets 403.
 */
@RestController
class DashboardController {

    private final DashboardService dashboards;
    private final DashboardStream stream;

    DashboardController(DashboardService dashboards, DashboardStream stream) {
        this.dashboards = dashboards;
        this.stream = stream;
    }

    @GetMapping(path = "/api/network/dashboard", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> dashboard(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        Caller caller = Caller.current();
        DashboardService.requireNetworkAdmin(caller);
        return DashboardView.of(dashboards.network(caller, dashboards.range(from, to)));
    }

    @GetMapping(path = "/api/network/dashboard.csv", produces = "text/csv")
    ResponseEntity<String> csv(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        Caller caller = Caller.current();
        DashboardService.requireNetworkAdmin(caller);
        Range range = dashboards.range(from, to);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"network-dashboard-" + range.from() + "-" + range.to() + ".csv\"")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(DashboardView.csv(dashboards.network(caller, range)));
    }

    /** The figures at once, then again whenever they change; the stream ends after a while and the page reopens it. */
    @GetMapping(path = "/api/network/dashboard/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter live(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        Caller caller = Caller.current();
        DashboardService.requireNetworkAdmin(caller);
        return stream.open(caller, dashboards.range(from, to));
    }
}
