/** The page with a broken wiki link that the integration workspace holds (KB-relative). */
export const BROKEN_PAGE = 'wiki/concepts/broken-page.md';
export const BROKEN_PAGE_TEXT = '# Broken page\n\nSee [[no-such-page]] for details.\n';
/** A second broken page, never opened: its diagnostic comes from "Lint Knowledge Base". */
export const UNOPENED_PAGE = 'wiki/concepts/never-opened.md';
/** Zero-based line of the broken link (on both pages). */
export const BROKEN_LINE = 2;
