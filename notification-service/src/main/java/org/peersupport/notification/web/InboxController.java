package org.peersupport.notification.web;

import java.time.Instant;
import java.util.List;
import org.peersupport.notification.application.NotificationService;
import org.peersupport.notification.domain.Notification;
import org.peersupport.platform.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own in-app notifications; nobody reads anybody else's. */
@RestController
class InboxController {

    private final NotificationService notifications;

    InboxController(NotificationService notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/api/notifications")
    List<NotificationView> inbox() {
        return notifications.inbox(Caller.current()).stream().map(NotificationView::of).toList();
    }

    @PostMapping("/api/notifications/{notificationId}/read")
    NotificationView read(@PathVariable String notificationId) {
        return NotificationView.of(notifications.markRead(Caller.current(), notificationId));
    }

    record NotificationView(String id, String kind, String text, String aboutId, Instant createdAt, Instant readAt) {

        static NotificationView of(Notification n) {
            return new NotificationView(n.id(), n.notice().name(), n.text(), n.aboutId(), n.createdAt(), n.readAt());
        }
    }
}
