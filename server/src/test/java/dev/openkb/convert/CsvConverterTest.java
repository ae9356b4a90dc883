package dev.openkb.convert;

import static dev.openkb.convert.ConvertFixtures.conversionFailure;
import static dev.openkb.convert.ConvertFixtures.convert;
import static dev.openkb.convert.ConvertFixtures.markdown;
import static dev.openkb.convert.ConvertFixtures.request;
import static dev.openkb.convert.ConvertFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.engine.CancelToken;
import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvConverterTest {
    @TempDir
    Path dir;

    @Test
    void readsQuotesDoubledQuotesAndLineBreaksInsideQuotes() throws Exception {
        String csv = "name,comment,score\r\n"
                + "\"Smith, Jo\",\"said \"\"hi\"\"\",3\r\n"
                + "Lee,\"two\nlines\",\"\"\r\n"
                + "\r\n"
                + "Ng,a|b,\n";
        ConvertedDoc doc = convert(write(dir.resolve("people.csv"), csv));
        assertEquals("A table of 3 rows and 3 columns: name, comment, score.\n\n| name | comment | score |\n| --- | --- | --- |\n| Smith, Jo | said \"hi\" | 3 |\n"
                + "| Lee | two<br>lines | |\n| Ng | a\\|b | |\n", markdown(doc));
        assertEquals("people", doc.title());
        assertEquals("csv", doc.registryType());
    }

    @Test
    void widensTheTableToTheWidestRecordAndPadsTheRest() throws Exception {
        String csv = "a,b\n1,2,3,4\nx\n";
        assertEquals("A table of 2 rows and 4 columns: a, b.\n\n| a | b | | |\n| --- | --- | --- | --- |\n| 1 | 2 | 3 | 4 |\n| x | | | |\n",
                markdown(convert(write(dir.resolve("ragged.csv"), csv))));
    }

    @Test
    void keepsUnicodeAndSkipsAByteOrderMark() throws Exception {
        byte[] body = "城市,人口\n東京 😀,שלום\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        assertEquals("A table of 1 row and 2 columns: 城市, 人口.\n\n| 城市 | 人口 |\n| --- | --- |\n| 東京 😀 | שלום |\n",
                markdown(convert(write(dir.resolve("cities.csv"), withBom))));
    }

    @Test
    void refusesAnUnterminatedQuoteBeforeWritingAnything() throws Exception {
        Path csv = write(dir.resolve("open.csv"), "a,b\n1,2\n3,\"never closed\n4,5\n");
        String message = conversionFailure(csv);
        assertTrue(message.endsWith("csv: unterminated quoted field in the record starting on line 3"), message);
        assertFalse(Files.exists(dir.resolve("staging/wiki/sources/open.md")));
    }

    @Test
    void refusesBinaryAndInvalidUtf8Csv() throws Exception {
        String binary = conversionFailure(write(dir.resolve("b.csv"), new byte[] {'a', ',', 0, 0, '\n'}));
        assertTrue(binary.contains("csv: binary content"), binary);
        String latin = conversionFailure(write(dir.resolve("l.csv"), "x,\u00e9\n".getBytes(StandardCharsets.ISO_8859_1)));
        assertTrue(latin.endsWith("csv: invalid UTF-8 at byte offset 2"), latin);
    }

    @Test
    void checksForCancellationBetweenRows() throws Exception {
        Path csv = dir.resolve("big.csv");
        try (BufferedWriter out = Files.newBufferedWriter(csv)) {
            for (int i = 0; i < 20_000; i++) {
                out.write(i + ",row " + i + "\n");
            }
        }
        CancelToken cancel = new CancelToken();
        cancel.cancel();
        KbException e = assertThrows(KbException.class,
                () -> new CsvConverter().convert(request(csv, dir.resolve("staging"), cancel)));
        assertEquals(ErrorCode.CANCELLED, e.code());
    }

    @Test
    void aLongTableIsIntroducedByItsSizeColumnsAndThreeSampleRows() throws Exception {
        StringBuilder csv = new StringBuilder("country,capital,population\n");
        for (int i = 1; i <= 1200; i++) {
            csv.append("Country ").append(i).append(",City ").append(i).append(',').append(i * 1000).append('\n');
        }
        String md = markdown(convert(write(dir.resolve("countries.csv"), csv.toString())));
        assertTrue(md.startsWith("A table of 1,200 rows and 3 columns: country, capital, population.\n\nSample rows:\n\n"
                + "| country | capital | population |\n| --- | --- | --- |\n| Country 1 | City 1 | 1000 |\n"
                + "| Country 2 | City 2 | 2000 |\n| Country 1200 | City 1200 | 1200000 |\n\n| country | capital | population |\n"), md);
        assertEquals(4 + 5 + 1 + 1202, md.lines().count()); // lead, sample table, blank, then the whole table
    }
}
