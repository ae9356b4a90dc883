package dev.openkb.client.server;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes what a crash in the middle of an add leaves: an active journal (docs/journal.md, version 1) saying the
 * add created a file that did not exist before. Recovery must delete that file.
 */
final class UnfinishedJournal {
    private UnfinishedJournal() {
    }

    static Path writeAddThatCreated(Path kb, String createdRel) throws IOException {
        String id = UUID.randomUUID().toString().replace("-", "");
        String backupRel = ".openkb/staging/rollback-" + id;
        Files.createDirectories(kb.resolve(backupRel));
        JsonObject entry = new JsonObject();
        entry.addProperty("target", kb.resolve(createdRel).toString());
        entry.add("backup", null);
        entry.addProperty("rel", createdRel);
        entry.add("backup_rel", null);
        entry.addProperty("kind", "absent");
        JsonArray entries = new JsonArray();
        entries.add(entry);
        JsonObject details = new JsonObject();
        details.addProperty("doc_name", "ghost");
        details.addProperty("name", "ghost.md");

        JsonObject j = new JsonObject();
        j.addProperty("version", 1);
        j.addProperty("operation", "add");
        j.addProperty("status", "active");
        j.addProperty("kb_dir", kb.toString());
        j.addProperty("backup_dir", kb.resolve(backupRel).toString());
        j.add("details", details);
        j.addProperty("attempts", 0);
        j.add("entries", entries);
        j.addProperty("id", id);
        j.addProperty("created", Instant.now().toString());
        j.addProperty("writer", "openkb-java");
        j.addProperty("backup_dir_rel", backupRel);
        Path journal = Files.createDirectories(kb.resolve(".openkb/journal")).resolve(id + ".json");
        return Files.writeString(journal, new GsonBuilder().serializeNulls().setPrettyPrinting().create().toJson(j) + "\n");
    }
}
