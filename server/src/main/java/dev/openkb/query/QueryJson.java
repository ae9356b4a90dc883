package dev.openkb.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openkb.kb.KbLayout;

/**
 * The one JSON shape of an answer, shared by {@code openkb query --format json} and the language
 * server's {@code openkb/query}: {@code {"question", "answer", "mode", "sources": [{"page", "title",
 * "doc", "score", "snippet", "range": {"startLine", "endLine", "pdfPage"}}]}} plus {@code "saved"}
 * (the KB-relative exploration path) when the answer was saved. Stateless.
 */
public final class QueryJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private QueryJson() {
    }

    public static ObjectNode toJson(QueryResult r, KbLayout layout) {
        QueryAnswer a = r.answer();
        ObjectNode o = MAPPER.createObjectNode();
        o.put("question", a.question());
        o.put("answer", a.answer());
        o.put("mode", a.mode());
        ArrayNode sources = o.putArray("sources");
        for (QuerySource s : a.sources()) {
            ObjectNode j = sources.addObject();
            j.put("page", s.page());
            j.put("title", s.title());
            if (s.doc() == null) {
                j.putNull("doc");
            } else {
                j.put("doc", s.doc());
            }
            j.put("score", s.score());
            j.put("snippet", s.snippet());
            ObjectNode range = j.putObject("range");
            range.put("startLine", s.range().startLine());
            range.put("endLine", s.range().endLine());
            range.put("pdfPage", s.range().pdfPage());
        }
        if (r.saved() != null) {
            o.put("saved", layout.relative(r.saved()));
        }
        return o;
    }

    public static String toString(QueryResult r, KbLayout layout) {
        return toJson(r, layout).toString();
    }
}
