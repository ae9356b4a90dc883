package dev.openkb.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A document read for extraction: its headings and its prose split into sentences, with markdown
 * (emphasis, links, images, code, HTML, tables) stripped. Fenced code and tables are left out: they
 * are not prose. Immutable.
 */
record DocText(List<Heading> headings, List<List<Sentence>> paragraphs) {
    private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)");
    private static final Pattern ATX = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern LIST_ITEM = Pattern.compile("^(?:[-*+]|\\d{1,3}[.)])\\s+(.*)$");
    private static final Pattern RULE = Pattern.compile("^(?:-{3,}|\\*{3,}|_{3,})$");
    private static final Pattern SETEXT = Pattern.compile("^(=+|-+)$");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’.\\-&][\\p{L}\\p{N}]+)*");

    DocText {
        headings = List.copyOf(headings);
        paragraphs = List.copyOf(paragraphs);
    }

    /** Every sentence, headings included, in document order. */
    List<Sentence> sentences() {
        List<Sentence> out = new ArrayList<>();
        paragraphs.forEach(out::addAll);
        return out;
    }

    /** Prose sentences only (no headings). */
    List<Sentence> prose() {
        return sentences().stream().filter(s -> !s.heading()).toList();
    }

    static DocText parse(String markdown) {
        List<Heading> headings = new ArrayList<>();
        List<List<Sentence>> paragraphs = new ArrayList<>();
        List<String> buffer = new ArrayList<>();
        boolean inFence = false;
        for (String raw : markdown.split("\r\n|\r|\n", -1)) {
            if (FENCE.matcher(raw).find()) {
                inFence = !inFence;
                flush(buffer, paragraphs);
                continue;
            }
            String line = raw.strip();
            if (inFence || line.startsWith("|") || line.startsWith("<!--")) {
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
        flush(buffer, paragraphs);
        return new DocText(headings, paragraphs);
    }

    private static void addHeading(int level, String raw, List<Heading> headings, List<List<Sentence>> paragraphs) {
        String text = Inline.strip(raw);
        if (!text.isEmpty()) {
            headings.add(new Heading(level, text));
            paragraphs.add(List.of(new Sentence(text, words(text), true)));
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
                sentences.add(new Sentence(s, words, false));
            }
        }
        if (!sentences.isEmpty()) {
            paragraphs.add(sentences);
        }
    }

    static List<Word> words(String text) {
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
