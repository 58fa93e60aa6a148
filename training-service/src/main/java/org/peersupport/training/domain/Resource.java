package org.peersupport.training.domain;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.peersupport.platform.kernel.InvalidValue;

/**
 * An entry of the learning community's compendium: a resource a hospital shares (a link, tagged), seen by its own
 * staff only or by the whole community.
 */
public record Resource(String id, String hospitalId, String title, String url, List<String> tags,
        Audience visibleTo, Instant sharedAt) {

    private static final Pattern TAG = Pattern.compile("[a-z0-9-]{1,32}");

    public Resource {
        if (title == null || title.isBlank() || title.length() > 200) {
            throw new InvalidValue("title", "1 to 200 characters");
        }
        if (url == null || url.length() > 500 || !isWebAddress(url)) {
            throw new InvalidValue("url", "an http or https address of at most 500 characters");
        }
        tags = tags == null ? List.of() : tags.stream().map(t -> t == null ? "" : t.toLowerCase(Locale.ROOT))
                .distinct().toList();
        if (tags.size() > 10 || tags.stream().anyMatch(t -> !TAG.matcher(t).matches())) {
            throw new InvalidValue("tags", "at most 10 tags of 1 to 32 letters, digits or '-'");
        }
        visibleTo = visibleTo == null ? Audience.COMMUNITY : visibleTo;
    }

    /** Whether someone of {@code hospital} may see it. */
    public boolean visibleFrom(String hospital) {
        return visibleTo == Audience.COMMUNITY || hospitalId.equals(hospital);
    }

    /** Tagged {@code tag} (if given) and holding {@code text} in its title or a tag (if given), ignoring case. */
    public boolean matches(String tag, String text) {
        if (tag != null && !tag.isBlank() && !tags.contains(tag.toLowerCase(Locale.ROOT))) {
            return false;
        }
        if (text == null || text.isBlank()) {
            return true;
        }
        String wanted = text.toLowerCase(Locale.ROOT);
        return title.toLowerCase(Locale.ROOT).contains(wanted) || tags.stream().anyMatch(t -> t.contains(wanted));
    }

    private static boolean isWebAddress(String url) {
        try {
            URI uri = new URI(url);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (java.net.URISyntaxException notOne) {
            return false;
        }
    }
}
