package dev.openkb.compile.text;

import java.util.regex.Pattern;

/**
 * Sentences that are about the document rather than its subject, so never its description or a key
 * passage: legal notices ("Copyright …", "Permission is granted …", "… hereby grants permission …"),
 * navigation bars ("Next: Types, Previous: The Basics, Up: …"), front matter ("title: … layout: …")
 * and author or affiliation blocks ("Department of …", an e-mail address). A safety net under the
 * conversion, which removes most of this furniture before the compiler sees it. Stateless.
 */
public final class Boilerplate {
    private static final Pattern NOTICE = Pattern.compile("(?i)copyright|©|\\(c\\)\\s*\\d{4}|all rights reserved"
            + "|permission (?:is|are)?\\s*(?:hereby )?granted|hereby grants?|grants? permission|proper attribution"
            + "|licen[cs]ed under|\\blicen[cs]e\\b.*\\b(?:version|terms)\\b|without (?:any )?warranty|is a trademark"
            + "|trademarks? of|spdx-license");
    private static final Pattern NAVIGATION = Pattern.compile("(?i)^(?:next|previous|prev|up|home|contents|skip to)\\s*:"
            + "|\\[index]|^(?:table of )?contents$");
    private static final Pattern FRONT_MATTER = Pattern.compile("^---|^[a-z_]+:\\s+\\S.*\\b[a-z_]+:\\s");
    private static final Pattern AFFILIATION = Pattern.compile("(?i)department of|address for correspondence"
            + "|\\b[\\w.+-]+@[\\w-]+\\.[\\w.]+|\\bet al\\.?,|\\barxiv:|\\bdoi:|\\bpp\\.\\s*\\d|\\bvol\\.\\s*\\d|\\bproc\\.|\\(\\d{4}\\)\\.?$");

    private Boilerplate() {
    }

    public static boolean isBoilerplate(String sentence) {
        String s = sentence.strip();
        return NOTICE.matcher(s).find() || NAVIGATION.matcher(s).find() || FRONT_MATTER.matcher(s).find()
                || AFFILIATION.matcher(s).find();
    }

    /**
     * Source code or a signature rather than prose: statement punctuation, identifiers with
     * underscores, or pointer and call syntax ("int asn1_create_element (asn1_node …)").
     */
    public static boolean isCodeLike(String sentence) {
        int symbols = 0;
        for (int i = 0; i < sentence.length(); i++) {
            char c = sentence.charAt(i);
            if (c == ';' || c == '{' || c == '}' || c == '*' || c == '_' || c == '=' || c == '<' || c == '>' || c == '#') {
                symbols++;
            }
        }
        return symbols >= 2 || sentence.contains("()") || sentence.contains("->");
    }
}
