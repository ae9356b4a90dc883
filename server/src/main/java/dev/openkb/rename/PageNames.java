package dev.openkb.rename;

import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.kb.DocNames;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;

/**
 * Which pages may be renamed and what a new page name may be. A new name is untrusted input (a CLI
 * argument, an editor's rename box, a file renamed in the explorer), so it must be one plain file
 * name that a wikilink can also spell: no separator, not {@code .}/{@code ..}, no control
 * characters, none of the characters that end or split a link ({@code [ ] | #}), no surrounding
 * spaces (a link's target is stripped, so it could never reach such a page), at most
 * {@link DocNames#MAX_NAME_BYTES} UTF-8 bytes. Stateless.
 */
public final class PageNames {
    /**
     * The folders whose pages have names of their own. Summaries and sources are named after their
     * document ({@code doc_name} in hashes.json, the concept pages' {@code sources:} lists), so
     * renaming one would cut it from its document.
     */
    public static final Set<String> RENAMEABLE_KINDS = Set.of("concepts", "entities", "explorations");

    private PageNames() {
    }

    /**
     * The page name (stem) a user typed, checked: a trailing {@code .md} is dropped, and a name
     * given with its folder ({@code concepts/new}) must name the page's own folder {@code folder}.
     *
     * @throws KbException INVALID_ARGUMENT naming what is wrong with the name
     */
    public static String checkNewStem(String typed, String folder, Path where) {
        if (typed == null) {
            throw invalid(where, "a new page name is required");
        }
        String name = typed.endsWith(".md") ? typed.substring(0, typed.length() - 3) : typed;
        int slash = name.lastIndexOf('/');
        if (slash >= 0) {
            String givenFolder = name.substring(0, slash);
            if (!givenFolder.equals(folder) && !givenFolder.equals("wiki/" + folder)) {
                throw invalid(where, "'" + typed + "' is in another folder; a page is renamed within its own folder ("
                        + folder + "/), so give just the new name");
            }
            name = name.substring(slash + 1);
        }
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw invalid(where, "'" + typed + "' is not a page name");
        }
        if (!name.equals(name.strip())) {
            throw invalid(where, "'" + typed + "' begins or ends with a space, which no wikilink can reach");
        }
        if (name.startsWith(".")) {
            throw invalid(where, "'" + typed + "' begins with a dot (a hidden file)");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\\') {
                throw invalid(where, "the new name holds a control character or a backslash");
            }
            if (c == '[' || c == ']' || c == '|' || c == '#') {
                throw invalid(where, "the new name holds '" + c + "', which would break the wikilinks to it");
            }
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > DocNames.MAX_NAME_BYTES) {
            throw invalid(where, "the new name is longer than " + DocNames.MAX_NAME_BYTES + " bytes");
        }
        return name;
    }

    /** The folder part of a page key ({@code concepts} of {@code concepts/foo}), empty at the wiki's top. */
    public static String folderOf(String key) {
        int slash = key.lastIndexOf('/');
        return slash < 0 ? "" : key.substring(0, slash);
    }

    /**
     * @throws KbException INVALID_ARGUMENT when the page with key {@code key} is not in a folder whose
     *                     pages may be renamed
     */
    public static void checkRenameable(String key, Path where) {
        int slash = key.indexOf('/');
        String kind = slash < 0 ? "" : key.substring(0, slash);
        if (kind.equals("summaries") || kind.equals("sources")) {
            throw invalid(where, key + " is named after its document (hashes.json and the concept pages' sources"
                    + " name it); only concept, entity and exploration pages can be renamed");
        }
        if (!RENAMEABLE_KINDS.contains(kind)) {
            throw invalid(where, key + " is not a concept, entity or exploration page; only those can be renamed");
        }
    }

    private static KbException invalid(Path where, String reason) {
        return new KbException(ErrorCode.INVALID_ARGUMENT, where, reason);
    }
}
