package dev.openkb.lint;

/**
 * One page of the lint parse cache: what {@link PageParser} made of it when it had this size and
 * mtime. {@code encoded} is the entry's bytes in {@link ParseCacheCodec}'s format, kept so an
 * unchanged entry is written back without re-encoding (the array is never modified).
 *
 * @param size      the file's size in bytes when it was read
 * @param mtime     its last-modified time, in nanoseconds since the epoch, when it was read
 * @param page      the parse
 * @param encoded   this entry in the cache file's format
 */
record CachedPage(long size, long mtime, WikiPage page, byte[] encoded) {
    boolean matches(long size, long mtime) {
        return this.size == size && this.mtime == mtime;
    }
}
