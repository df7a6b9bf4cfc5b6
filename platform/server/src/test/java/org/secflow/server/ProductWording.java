package org.secflow.server;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the product's text must not say, and where it says it. The product cites the SEC documents it relies on by
 * public title and section (docs/sources.md), never by the file name of a private copy or of an internal note, and it
 * speaks of itself, not of the way it was built (no work-tracker items, no work sessions).
 *
 * <p>The rules are phrases, not single words, so that the Drools sense of "session" ({@code KieSession}, "the
 * thread's session of a rule-base version", "a session per thread") and other senses of "issue" ("issuer",
 * "issuedOn", "Issue Security Credentials") pass. Each finding names the rule and the text found.
 */
final class ProductWording {

    /** One forbidden kind of wording: an id for the report and the pattern that finds it. */
    record Rule(String id, Pattern pattern) {
        Rule(String id, String regex) {
            this(id, Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
        }
    }

    /** A line that breaks a rule: where, which rule, what text. */
    record Finding(String where, int line, String rule, String text) {
        @Override
        public String toString() {
            return where + ":" + line + ": " + rule + ": \"" + text + "\"";
        }
    }

    static final List<Rule> RULES = List.of(
            // citations of private copies instead of public documents
            new Rule("source-copy-file-name", "\\b\\d{3}_[0-9a-f]{16}(\\.txt)?\\b"),
            new Rule("source-copy-number", "\\bseeds? 0\\d\\d\\b"),
            new Rule("internal-note", "\\bDOMAIN\\.md\\b|\\bshared/(reference|seeds)\\b|\\bSTYLE\\.md\\b|\\bdomain-research\\b|\\bduis-srv-matrix\\.csv\\b"
                    + "|\\bstack-notes\\b|\\bpeer-systems\\.md\\b"),
            // wording about the work process
            new Rule("work-item", "\\bissues? #?\\d+|\\bissue acceptance\\b|\\bacceptance (criteri(on|a) )?\\d+\\b"
                    + "|\\b(this|that|the next|the previous|a later|an earlier|the [a-z-]*campaign) issue\\b"),
            new Rule("work-session", "\\bsessions? \\d+\\b|\\bsessions of\\b|\\bacross sessions\\b"
                    + "|\\b(work|working|coding|pairing|helper|review|planning) sessions?\\b"
                    + "|\\b(this|last|previous|earlier|next|later|current|another|one more) (work(ing)? )?session\\b"));

    private ProductWording() {
    }

    /** The findings in a text, one per rule and match, with 1-based line numbers. */
    static List<Finding> check(String where, String text) {
        List<Finding> out = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            for (Rule r : RULES) {
                Matcher m = r.pattern().matcher(lines[i]);
                while (m.find()) {
                    out.add(new Finding(where, i + 1, r.id(), m.group()));
                }
            }
        }
        return out;
    }
}
