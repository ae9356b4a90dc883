package dev.openkb.compile.llm;

import dev.openkb.compile.pages.PageKind;
/**
 * One concept or entity page the LLM is asked to write.
 *
 * @param kind        concept or entity
 * @param slug        the page's stem
 * @param title       the subject's display name
 * @param type        the planned entity type (null for concepts)
 * @param currentBody the page's body when it exists (the job is then an update), else null
 */
record PageJob(PageKind kind, String slug, String title, String type, String currentBody) {
    boolean isUpdate() {
        return currentBody != null;
    }
}
