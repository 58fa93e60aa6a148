package org.peersupport.notification.application;

import java.util.List;
import org.peersupport.events.CaseDataPurged;
import org.peersupport.notification.persistence.RequestNotices;
import org.peersupport.notification.persistence.RequestNotices.Notice;
import org.peersupport.notification.persistence.RequestNotices.PlannedDelivery;
import org.peersupport.platform.messaging.TrustPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Intake's retention period for a request is over: the notifications that name it (its offers, its assignment, its
 * case's notices) leave their recipients' inboxes and are deleted, and so are the email and SMS deliveries that name
 * it (off their hospital's failure list first), so nothing here ties a person's history to that request any more. What {@code NotificationSent} already published (ids and kinds) stays on its topic.
 */
@Service
public class RequestNoticePurge {

    private static final Logger log = LoggerFactory.getLogger(RequestNoticePurge.class);

    private final RequestNotices notices;

    RequestNoticePurge(RequestNotices notices) {
        this.notices = notices;
    }

    public void onCaseDataPurged(CaseDataPurged event) {
        List<Notice> about = notices.about(event.requestId());
        List<PlannedDelivery> deliveries = notices.deliveriesAbout(event.requestId());
        // Intake purges only its own hospital's requests; a purge naming another hospital is forged. Checked for
        // all before anything is deleted, so a forged purge deletes nothing.
        about.forEach(notice -> TrustPolicy.requireSameHospital(event, notice.hospitalId()));
        deliveries.forEach(delivery -> TrustPolicy.requireSameHospital(event, delivery.hospitalId()));
        deliveries.forEach(notices::purge);
        about.forEach(notices::purge);
        log.info("{} notifications and {} deliveries of request {} purged", about.size(), deliveries.size(),
                event.requestId());
    }
}
