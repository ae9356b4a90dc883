package dev.openkb.compile.pages;

/** The two kinds of pages a compile writes besides the summary, with their folder and index section. */
public enum PageKind {
    CONCEPT("concepts", PageWriter.RELATED_CONCEPTS),
    ENTITY("entities", PageWriter.ENTITIES);

    private final String dir;
    private final String summarySection;

    PageKind(String dir, String summarySection) {
        this.dir = dir;
        this.summarySection = summarySection;
    }

    /** The wiki folder: {@code concepts} or {@code entities}. */
    public String dir() {
        return dir;
    }

    /** The summary section that links pages of this kind. */
    public String summarySection() {
        return summarySection;
    }

    /** The wikilink target of a page of this kind: {@code concepts/<slug>}. */
    public String target(String slug) {
        return dir + "/" + slug;
    }
}
