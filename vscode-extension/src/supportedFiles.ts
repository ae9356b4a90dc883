/**
 * File types OpenKB can add (its SUPPORTED_EXTENSIONS). package.json's menu `when` clauses carry the same
 * list as a regular expression; a unit test keeps the two in step.
 */
export const SUPPORTED_EXTENSIONS = [
    '.md',
    '.markdown',
    '.txt',
    '.html',
    '.htm',
    '.pdf',
    '.docx',
    '.pptx',
    '.xlsx',
    '.xls',
    '.csv',
] as const;

/** True when the name (a path or URI) ends in a supported extension, in any letter case. */
export function isSupportedFile(name: string): boolean {
    const base = name.replace(/[?#].*$/, '');
    const dot = base.lastIndexOf('.');
    if (dot < 0 || dot < base.lastIndexOf('/')) {
        return false;
    }
    return (SUPPORTED_EXTENSIONS as readonly string[]).includes(base.substring(dot).toLowerCase());
}
