package dev.openkb.journal;

/** What a journal entry's before-image is, and so how rollback restores it. */
public enum EntryKind {
    /** The path did not exist: rollback deletes whatever is there now (file or tree). */
    ABSENT,
    /** A regular file: rollback puts the backup (a hard link to the old inode, or a copy) back. */
    FILE,
    /** A directory tree that the mutation deleted: rollback rebuilds it from the backup tree. */
    TREE
}
