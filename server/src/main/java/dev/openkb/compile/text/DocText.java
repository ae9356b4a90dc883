package dev.openkb.compile.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A document read for extraction: its headings and its prose split into sentences, with markdown
 * (emphasis, links, images, code, HTML) stripped. Fenced code is left out. A pipe table becomes one
 * paragraph: its header row as a heading-kind sentence and each body row as a row sentence (cells
 * joined by " — "), so a document that is only a table (a converted spreadsheet) still has phrases
 * and names. Immutable.
 */
public record DocText(List<Heading> headings, List<List<Sentence>> paragraphs) {
    private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)");
    private static final Pattern ATX = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern LIST_ITEM = Pattern.compile("^(?:[-*+]|\\d{1,3}[.)])\\s+(.*)$");
    private static final Pattern RULE = Pattern.compile("^(?:-{3,}|\\*{3,}|_{3,})$");
    private static final Pattern SETEXT = Pattern.compile("^(=+|-+)$");
    private static final Pattern DELIMITER_CELL = Pattern.compile(":?-{1,}:?");
    private static final String CELL_JOIN = " — ";
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’.\\-&][\\p{L}\\p{N}]+)*");

    public DocText {
        headings = List.copyOf(headings);
        paragraphs = List.copyOf(paragraphs);
    }

    /** Every sentence, headings included, in document order. */
    public List<Sentence> sentences() {
        List<Sentence> out = new ArrayList<>();
        paragraphs.forEach(out::addAll);
        return out;
    }

    /** Prose sentences only (no headings, no table rows): what leads and key passages are made of. */
    public List<Sentence> prose() {
        return sentences().stream().filter(s -> s.kind() == Sentence.Kind.PROSE).toList();
    }

    /** Prose and table rows: the sentences that can mention a subject or a name. */
    public List<Sentence> mentionable() {
        return sentences().stream().filter(s -> !s.heading()).toList();
    }

    public static DocText parse(String markdown) {
        List<Heading> headings = new ArrayList<>();
        List<List<Sentence>> paragraphs = new ArrayList<>();
        List<String> buffer = new ArrayList<>();
        List<String> table = new ArrayList<>();
        boolean inFence = false;
        for (String raw : markdown.split("\r\n|\r|\n", -1)) {
            String line = raw.strip();
            if (!inFence && line.startsWith("|")) {
                flush(buffer, paragraphs);
                table.add(line);
                continue;
            }
            flushTable(table, paragraphs);
            if (FENCE.matcher(raw).find()) {
                inFence = !inFence;
                flush(buffer, paragraphs);
                continue;
            }
            if (inFence || line.startsWith("<!--")) {
                flush(buffer, paragraphs);
                continue;
            }
            Matcher atx = ATX.matcher(line);
            Matcher item = LIST_ITEM.matcher(line);
            if (line.isEmpty() || RULE.matcher(line).matches() && buffer.isEmpty()) {
                flush(buffer, paragraphs);
            } else if (atx.matches()) {
                flush(buffer, paragraphs);
                addHeading(atx.group(1).length(), atx.group(2), headings, paragraphs);
            } else if (SETEXT.matcher(line).matches() && buffer.size() == 1) {
                String text = buffer.remove(0);
                addHeading(line.charAt(0) == '=' ? 1 : 2, text, headings, paragraphs);
            } else if (item.matches()) {
                flush(buffer, paragraphs);
                buffer.add(item.group(1));
            } else {
                buffer.add(line.replaceFirst("^(?:>\\s?)+", ""));
            }
        }
        flushTable(table, paragraphs);
        flush(buffer, paragraphs);
        return new DocText(headings, paragraphs);
    }

    /** A pipe table: the row above a delimiter row is the header; every other row is a row sentence. */
    private static void flushTable(List<String> table, List<List<Sentence>> paragraphs) {
        if (table.isEmpty()) {
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        table.forEach(line -> rows.add(cells(line)));
        table.clear();
        boolean headed = rows.size() > 1 && !rows.get(1).isEmpty()
                && rows.get(1).stream().allMatch(c -> DELIMITER_CELL.matcher(c).matches());
        List<Sentence> sentences = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (headed && i == 1) {
                continue;
            }
            String text = String.join(CELL_JOIN, rows.get(i).stream().map(Inline::strip).filter(c -> !c.isBlank()).toList());
            List<Word> words = words(text);
            if (!words.isEmpty()) {
                sentences.add(new Sentence(text, words, headed && i == 0 ? Sentence.Kind.HEADING : Sentence.Kind.ROW));
            }
        }
        if (!sentences.isEmpty()) {
            paragraphs.add(sentences);
        }
    }

    private static List<String> cells(String line) {
        String inner = line.substring(1);
        if (inner.endsWith("|")) {
            inner = inner.substring(0, inner.length() - 1);
        }
        List<String> out = new ArrayList<>();
        for (String c : inner.split("(?<!\\\\)\\|", -1)) {
            out.add(c.strip());
        }
        return out;
    }

    private static void addHeading(int level, String raw, List<Heading> headings, List<List<Sentence>> paragraphs) {
        String text = Inline.strip(raw);
        if (!text.isEmpty()) {
            headings.add(new Heading(level, text));
            paragraphs.add(List.of(new Sentence(text, words(text), Sentence.Kind.HEADING)));
        }
    }

    private static void flush(List<String> buffer, List<List<Sentence>> paragraphs) {
        if (buffer.isEmpty()) {
            return;
        }
        String text = Inline.strip(String.join(" ", buffer));
        buffer.clear();
        List<Sentence> sentences = new ArrayList<>();
        for (String s : SentenceSplitter.split(text)) {
            List<Word> words = words(s);
            if (!words.isEmpty()) {
                sentences.add(new Sentence(s, words, Sentence.Kind.PROSE));
            }
        }
        if (!sentences.isEmpty()) {
            paragraphs.add(sentences);
        }
    }

    public static List<Word> words(String text) {
        List<Word> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        int prevEnd = 0;
        while (m.find()) {
            boolean gap = !text.substring(prevEnd, m.start()).isBlank();
            out.add(new Word(m.group(), out.isEmpty() || gap));
            prevEnd = m.end();
        }
        return out;
    }
}
