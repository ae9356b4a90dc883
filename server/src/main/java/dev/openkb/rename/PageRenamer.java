package dev.openkb.rename;

import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.kb.KbTransaction;
import dev.openkb.kb.KbLayout;
import dev.openkb.kb.OperationLog;
import dev.openkb.lint.PageScope;
import dev.openkb.lint.WikiIndex;
import dev.openkb.lint.WikiPage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code openkb rename PAGE NEW}: a page renamed and every link to it rewritten, as ONE journaled
 * transaction, so a crash leaves the wiki as before or as after, never with the page moved and its
 * links dangling. The page is written under its new name and its old file deleted through the
 * transaction (a plain rename would have no before-image of the new path to roll back to). Adds a
 * {@code rename | concepts/old → concepts/new} line to log.md. {@link #plan} reads only (it must run
 * under the KB lock the transaction will hold, so the texts it plans on are the ones it rewrites);
 * {@link #execute} runs on the mutation thread inside the transaction. Stateless.
 */
public final class PageRenamer {
    private final KbLayout layout;
    private final Clock clock;

    public PageRenamer(KbLayout layout, Clock clock) {
        this.layout = layout;
        this.clock = clock;
    }

    /**
     * @param page    the page: its key ({@code concepts/old}), its unique stem ({@code old}), or its
     *                path from the KB root ({@code wiki/concepts/old.md})
     * @param newName the new name ({@code new}, {@code new.md} or {@code concepts/new})
     */
    public RenamePlan plan(String page, String newName) {
        WikiIndex index = WikiIndex.build(layout);
        String rel = resolve(index, page);
        return RenamePlanner.plan(index, rel, newName, this::readStrict, layout.root());
    }

    /** The page {@code identifier} names, as a KB-relative path. */
    String resolve(WikiIndex index, String identifier) {
        if (identifier == null || identifier.isBlank()) {
            throw new KbException(ErrorCode.INVALID_ARGUMENT, layout.wikiDir(), "name the page to rename");
        }
        String key = identifier.strip();
        if (key.startsWith("wiki/")) {
            key = key.substring(5);
        }
        if (key.endsWith(".md")) {
            key = key.substring(0, key.length() - 3);
        }
        if (key.indexOf('/') < 0) {
            List<WikiPage> owners = index.pagesWithStem(key);
            if (owners.size() > 1) {
                throw new KbException(ErrorCode.INVALID_ARGUMENT, layout.wikiDir(), "'" + identifier + "' names "
                        + owners.size() + " pages (" + String.join(", ", owners.stream().map(WikiPage::key).toList())
                        + "); give the page with its folder");
            }
        }
        String lookup = key;
        return index.page(PageScope.relPathOf(lookup)).or(() -> index.resolve(lookup)).map(WikiPage::relPath)
                .orElseThrow(() -> new KbException(ErrorCode.NOT_FOUND, layout.wikiDir(), "no wiki page is named '"
                        + identifier + "'"));
    }

    /** Carries out {@code plan} through {@code tx}. */
    public RenameReport execute(RenamePlan plan, KbTransaction tx) throws IOException {
        Path oldFile = layout.root().resolve(plan.oldRel());
        Path newFile = layout.root().resolve(plan.newRel());
        if (!Files.isRegularFile(oldFile, LinkOption.NOFOLLOW_LINKS)) {
            throw new KbException(ErrorCode.INVALID_ARGUMENT, oldFile, "not a regular file (a symbolic link is not"
                    + " renamed: its text may live outside the knowledge base)");
        }
        if (Files.exists(newFile, LinkOption.NOFOLLOW_LINKS)) {
            throw new KbException(ErrorCode.PAGE_EXISTS, newFile, "a file with the new name already exists");
        }
        // Every before-image in one durable journal append, instead of one append (and fsync) per page.
        List<Path> touched = new ArrayList<>();
        plan.pages().forEach(e -> touched.add(layout.root().resolve(e.relPath())));
        touched.add(newFile);
        touched.add(oldFile);
        touched.add(layout.logMd());
        tx.touch(touched);
        for (PageEdit e : plan.pages()) {
            if (!e.relPath().equals(plan.oldRel())) {
                tx.writeString(layout.root().resolve(e.relPath()), e.applied());
            }
        }
        PageEdit own = plan.ownEdits();
        String moved = own != null ? own.applied() : readStrict(plan.oldRel());
        if (moved == null) {
            throw new KbException(ErrorCode.NOT_FOUND, oldFile, "the page disappeared before it could be renamed");
        }
        tx.writeString(newFile, moved);
        tx.delete(oldFile);
        OperationLog.append(tx, layout, LocalDateTime.now(clock), "rename", plan.oldKey() + " → " + plan.newKey());
        return new RenameReport(plan.oldKey(), plan.newKey(), plan.changedPages(), plan.linkCount(), true);
    }

    /** A page's text, or null when it vanished; malformed UTF-8 is refused, never rewritten with replacement characters. */
    private String readStrict(String rel) {
        Path file = layout.root().resolve(rel);
        if (Files.isSymbolicLink(file)) {
            // Its text may come from outside the KB, and rewriting it would copy that text in.
            throw new KbException(ErrorCode.INVALID_ARGUMENT, file, "a page the rename must rewrite is a symbolic"
                    + " link; replace it by a regular file first");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw KbException.fromIo(e);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new KbException(ErrorCode.IO_ERROR, file, "not valid UTF-8 text; refusing to rewrite it", e);
        }
    }
}
