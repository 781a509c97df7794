package org.bpogovernance.review;

import java.util.ArrayList;
import java.util.List;
import org.bpogovernance.engagement.Engagement;
import org.bpogovernance.platform.InvalidInputException.Violation;

/**
 * Where a meeting is held, following its format: on premises at a site, remote through a link,
 * hybrid both. A site given for a remote call or a link for one on premises is not kept; what is
 * not given comes from the engagement.
 */
public record MeetingPlace(String site, String link) {

    public static final String ON_PREMISES = "ON_PREMISES";
    public static final String REMOTE = "REMOTE";
    public static final String HYBRID = "HYBRID";
    public static final List<String> FORMATS = List.of(ON_PREMISES, REMOTE, HYBRID);

    /** The place of a meeting of the given format, from what was given and the engagement's site and link. */
    static MeetingPlace of(String format, String site, String link, Engagement engagement) {
        return new MeetingPlace(REMOTE.equals(format) ? null : firstOf(site, engagement.getSiteAddress()),
                ON_PREMISES.equals(format) ? null : firstOf(link, engagement.getRemoteMeetingLink()));
    }

    /** One field that may hold either ("Site or meeting link"): a web address is the link, anything else the site. */
    static MeetingPlace of(String format, String siteOrLink, Engagement engagement) {
        boolean isLink = isLink(siteOrLink);
        return of(format, isLink ? null : siteOrLink, isLink ? siteOrLink : null, engagement);
    }

    static boolean isLink(String text) {
        return text != null && text.trim().matches("(?i)https?://\\S+");
    }

    /** What the format needs and is missing, named by the fields the person filled in. */
    List<Violation> missing(String format, String siteField, String linkField) {
        List<Violation> violations = new ArrayList<>();
        if (!REMOTE.equals(format) && site == null) {
            violations.add(new Violation(siteField, "is required: the site of a call on premises or hybrid"));
        }
        if (!ON_PREMISES.equals(format) && link == null) {
            violations.add(new Violation(linkField, "is required: the link to join a remote or hybrid call"));
        }
        for (String given : new String[] {site, link}) {
            if (given != null && given.length() > 500) {
                violations.add(new Violation(given == site ? siteField : linkField, "must be at most 500 characters"));
            }
        }
        return violations;
    }

    String inWords(String format) {
        return switch (format == null ? "" : format) {
            case ON_PREMISES -> "on premises" + (site == null ? "" : " at " + site);
            case REMOTE -> "remote" + (link == null ? "" : ", online: " + link);
            case HYBRID -> "hybrid" + (site == null ? "" : ": at " + site) + (link == null ? "" : ", and online: " + link);
            default -> site != null ? site : link != null ? link : "to be announced";
        };
    }

    private static String firstOf(String given, String fallback) {
        if (given != null && !given.isBlank()) {
            return given.trim();
        }
        return fallback == null || fallback.isBlank() ? null : fallback.trim();
    }
}
