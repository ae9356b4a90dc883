package dev.openkb.lint;

import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.kb.KbTransaction;
import dev.openkb.kb.KbLayout;
import dev.openkb.wiki.GhostLinks;
import dev.openkb.wiki.WikiLink;
import dev.openkb.wiki.WikiLinks;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code lint --fix}: repairs broken links in place, deciding exactly as the broken-link check
 * does ({@link WikiIndex#resolveLink}), so a fixed KB lints clean of broken links and a link the
 * check accepts is never touched. An unresolved link is rewritten to its repair candidate (alias and
 * heading kept) or, without one, demoted to its alias or its last path segment as words (OpenKB's
 * ghost-link display). Files are read from disk (the index supplies only the page set) and written
 * through the caller's {@link KbTransaction}, one atomic write per changed file.
 *
 * <p>Scope as OpenKB's {@code fix_broken_links}: by default every lint-scanned page (not
 * AGENTS.md/SCHEMA.md/log.md, nothing under reports/ or sources/); with {@code restrictTo}, only
 * those files that exist, are markdown pages inside {@code wiki/} (after resolving symlinks) and
 * are not excluded names; an empty list changes nothing. Resolution stays KB-wide either way.
 * Runs on the mutation thread that owns {@code tx}; stateless itself.
 */
public final class LinkFixer {
    private LinkFixer() {
    }

    /**
     * @param restrictTo null for the whole wiki, else the files to limit the fix to
     * @throws KbException IO_ERROR when a page cannot be read, is not valid UTF-8 (never rewritten,
     *                     so its bytes are not lost), or cannot be written
     */
    public static FixResult fix(WikiIndex index, KbLayout layout, KbTransaction tx, Collection<Path> restrictTo) {
        int rewritten = 0;
        int demoted = 0;
        List<String> changed = new ArrayList<>();
        for (String relPath : candidates(index, layout, restrictTo)) {
            Path file = layout.root().resolve(relPath);
            String text = readStrict(file);
            if (text == null) {
                continue;
            }
            int[] counts = new int[2];
            String fixed = WikiLinks.rewrite(text, link -> repair(index, relPath, link, counts));
            if (fixed.equals(text)) {
                continue;
            }
            try {
                tx.writeString(file, fixed);
            } catch (IOException e) {
                throw new KbException(ErrorCode.IO_ERROR, file, "cannot write the fixed page: " + e.getMessage(), e);
            }
            rewritten += counts[0];
            demoted += counts[1];
            changed.add(relPath);
        }
        return new FixResult(changed.size(), rewritten, demoted, changed);
    }

    private static String repair(WikiIndex index, String relPath, WikiLink link, int[] counts) {
        LinkResolution r = index.resolveLink(relPath, link);
        if (r.resolved()) {
            return null;
        }
        if (r.candidate() != null) {
            counts[0]++;
            return WikiLink.render(r.candidate(), link.heading(), link.alias());
        }
        counts[1]++;
        return GhostLinks.demoted(link);
    }

    private static Collection<String> candidates(WikiIndex index, KbLayout layout, Collection<Path> restrictTo) {
        TreeSet<String> out = new TreeSet<>();
        if (restrictTo == null) {
            for (WikiPage p : index.pages()) {
                if (PageScope.isLintScanned(p.key())) {
                    out.add(p.relPath());
                }
            }
            return out;
        }
        Path realWiki = realPath(layout.wikiDir());
        for (Path p : restrictTo) {
            Path real = Files.isRegularFile(p) ? realPath(p) : null;
            if (real == null || realWiki == null || !real.startsWith(realWiki)) {
                continue;
            }
            String relPath = "wiki/" + realWiki.relativize(real).toString().replace('\\', '/');
            if (PageScope.isWikiPage(relPath)
                    && !PageScope.EXCLUDED_NAMES.contains(real.getFileName().toString())) {
                out.add(relPath);
            }
        }
        return out;
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return null;
        }
    }

    /** The page's text, or null when it vanished; malformed UTF-8 is refused, not replaced. */
    private static String readStrict(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new KbException(ErrorCode.IO_ERROR, file, "cannot read the page: " + e.getMessage(), e);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new KbException(ErrorCode.IO_ERROR, file, "not valid UTF-8 text; refusing to rewrite it", e);
        }
    }
}
