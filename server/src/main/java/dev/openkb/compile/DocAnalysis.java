package dev.openkb.compile;

import dev.openkb.compile.offline.KeyPhrase;
import dev.openkb.compile.offline.OfflineCompiler;
import dev.openkb.compile.offline.ProperName;
import dev.openkb.compile.text.DocText;
import java.util.List;

/**
 * What the offline compiler learns from one document alone: its text sample parsed, its key phrases
 * and proper names, its lead and the key passages that go with that lead. Made on a prepare worker,
 * outside the KB lock ({@link WikiCompiler#analyze}), so the commit only decides which shared pages
 * the document touches and merges it into them. Depends on the text only, never on the KB, so it is
 * the same whenever and on whichever thread it is made. Immutable; handed from the worker to the
 * mutation thread.
 */
public final class DocAnalysis {
    private final DocText doc;
    private final List<KeyPhrase> phrases;
    private final List<ProperName> names;
    private final String lead;
    private final List<String> leadPassages;

    public DocAnalysis(DocText doc, List<KeyPhrase> phrases, List<ProperName> names, String lead, List<String> leadPassages) {
        this.doc = doc;
        this.phrases = List.copyOf(phrases);
        this.names = List.copyOf(names);
        this.lead = lead;
        this.leadPassages = List.copyOf(leadPassages);
    }

    public DocText doc() {
        return doc;
    }

    /** The top key phrases, best first. */
    public List<KeyPhrase> phrases() {
        return phrases;
    }

    /** Every proper name, most mentioned first. */
    public List<ProperName> names() {
        return names;
    }

    /** The document's own lead ("" when it has no prose paragraph). */
    public String lead() {
        return lead;
    }

    /** The key passages to show under {@code description}: prepared for the lead, computed otherwise. */
    public List<String> passages(String description) {
        return description.equals(lead) ? leadPassages : OfflineCompiler.passages(doc, phrases, description);
    }
}
