package dev.kiln.preview;

import dev.kiln.text.UrlText;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A served page's links to the site's published address written in full ({@code https://example.com/blog/img.png},
 * what Jekyll's {@code {{ site.url }}{{ site.baseurl }}/img.png} gives), made root-relative ({@code /blog/img.png}) so
 * that the preview shows its own files (an image not yet published too) and its links stay in the preview. Only
 * {@code href}, {@code src} and the URLs of a {@code srcset}, and only to what the preview serves: the host may serve
 * more than the site (a GitHub user site's project pages). The built site keeps them as written.
 */
final class OwnAddressLinks {
    private static final Pattern LINK = Pattern.compile("(\\s(href|src|srcset)\\s*=\\s*)([\"'])(.*?)\\3",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    /** A srcset candidate's URL: at the value's start or after a comma, before a space, a comma or the end. */
    private static final Pattern CANDIDATE = Pattern.compile("(^|,)(\\s*)([^\\s,][^\\s]*)");

    private OwnAddressLinks() {}

    /** {@code serves}: whether the preview answers a root-relative path (with the baseurl) with a file of the site. */
    static String local(String html, String siteUrl, String baseurl, Predicate<String> serves) {
        String host = host(siteUrl);
        if (host == null || !html.toLowerCase(Locale.ROOT).contains(host)) {
            return html; // most pages of most sites: the address is not there at all
        }
        Matcher link = LINK.matcher(html);
        StringBuilder out = new StringBuilder(html.length());
        while (link.find()) {
            String value = link.group(4);
            String local = link.group(2).equalsIgnoreCase("srcset") ? candidates(value, siteUrl, baseurl, serves)
                    : onSite(value, siteUrl, baseurl, serves);
            link.appendReplacement(out, Matcher.quoteReplacement(link.group(1) + link.group(3) + local + link.group(3)));
        }
        return link.appendTail(out).toString();
    }

    private static String candidates(String srcset, String siteUrl, String baseurl, Predicate<String> serves) {
        return CANDIDATE.matcher(srcset).replaceAll(candidate -> Matcher.quoteReplacement(candidate.group(1) + candidate.group(2)
                + onSite(candidate.group(3), siteUrl, baseurl, serves)));
    }

    private static String onSite(String url, String siteUrl, String baseurl, Predicate<String> serves) {
        String local = UrlText.onSite(url, siteUrl, baseurl);
        return local == null || !serves.test(local.replaceFirst("[?#].*", "")) ? url : local;
    }

    /** The address's host, lower case, or null when it has none. */
    private static String host(String siteUrl) {
        int start = siteUrl == null ? -1 : siteUrl.indexOf("//");
        if (start < 0) {
            return null;
        }
        int end = siteUrl.indexOf('/', start + 2);
        String host = siteUrl.substring(start + 2, end < 0 ? siteUrl.length() : end).toLowerCase(Locale.ROOT);
        return host.isEmpty() ? null : host;
    }
}
