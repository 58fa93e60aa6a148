package org.peersupport.training.domain;

/**
 * The learning community's courses. The workshop is the initial training that certifies an approved supporter; the
 * salon (and the workshop again) is ongoing education that renews a certification or reinstates a lapsed one. The
 * leaders' course is for unit leaders and certifies nobody.
 */
public enum Course {
    PEER_SUPPORTER_WORKSHOP("Peer Supporter Workshop", "monthly", true, true),
    PEER_SUPPORT_SALON("Peer Support Salon", "quarterly", false, true),
    LEADER_SUPPORTING_STAFF("Healthcare Leader Supporting Staff", "quarterly", false, false);

    private final String title;
    private final String cadence;
    private final boolean certifies;
    private final boolean renews;

    Course(String title, String cadence, boolean certifies, boolean renews) {
        this.title = title;
        this.cadence = cadence;
        this.certifies = certifies;
        this.renews = renews;
    }

    public String title() {
        return title;
    }

    /** How often the community runs it (what the calendar says; sessions are scheduled one by one). */
    public String cadence() {
        return cadence;
    }

    /** Attending it certifies an approved supporter (the initial training). */
    public boolean certifies() {
        return certifies;
    }

    /** Attending it counts as ongoing education: it renews a certification, or reinstates a lapsed one. */
    public boolean renews() {
        return renews;
    }
}
