package dev.openkb.compile.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.compile.DocAnalysis;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What a summary says: the document's own statement of what it is, and its most central sentences. */
class SummaryExtractionTest {
    private final OfflineCompiler compiler = new OfflineCompiler();

    @Test
    void theDescriptionIsTheAbstractsFirstSentenceNeverANoticeANavigationBarOrAHeading() {
        DocAnalysis a = compiler.analyze("""
                # Attention Is All You Need

                Next: Types, Previous: The Basics, Up: Using libffi [Index]

                Provided proper attribution is provided, Google hereby grants permission to reproduce the tables and
                figures in this paper solely for use in journalistic or scholarly works.

                Ashish Vaswani, Google Brain, Department of Computer Science, avaswani@google.com

                ## Abstract

                The dominant sequence transduction models are based on complex recurrent or convolutional neural
                networks that include an encoder and a decoder. We propose a new simple network architecture.
                """);
        assertTrue(a.lead().startsWith("The dominant sequence transduction models are based on complex recurrent"), a.lead());
    }

    @Test
    void aReadmesDescriptionIsItsOpeningSentenceNotItsFrontMatterOrTitle() {
        DocAnalysis a = compiler.analyze("""
                title: Porting systemd To New Distributions category: Concepts layout: default

                # Git - fast, scalable, distributed revision control system

                Git is a fast, scalable, distributed revision control system with an unusually rich command set.

                Git is an Open Source project covered by the GNU General Public License version 2.
                """);
        assertEquals("Git is a fast, scalable, distributed revision control system with an unusually rich command set.",
                a.lead());
    }

    @Test
    void anAbstractRunIntoItsFirstSentenceLosesTheWord() {
        DocAnalysis a = compiler.analyze("""
                Faster Sequential Genetic Linkage Computations

                Abstract Linkage analysis using maximum likelihood estimation is a powerful tool for locating genes.
                """);
        assertEquals("Linkage analysis using maximum likelihood estimation is a powerful tool for locating genes.", a.lead());
    }

    @Test
    void aSentenceTooLongForADescriptionGivesWayToOneThatFitsRatherThanBeingCut() {
        DocAnalysis a = compiler.analyze("""
                This manual is for GNU Libtasn1, which is a library for Abstract Syntax Notation One manipulation.

                ## 1 Introduction

                This document describes the Libtasn1 library that provides Abstract Syntax Notation One (ASN.1, as
                specified by the X.680 ITU-T recommendation) parsing and structures management, and Distinguished
                Encoding Rules (DER, as per X.690) encoding and decoding functions.
                """);
        assertEquals("This manual is for GNU Libtasn1, which is a library for Abstract Syntax Notation One manipulation.",
                a.lead());
        DocAnalysis only = compiler.analyze("""
                ## Introduction

                This document describes the Libtasn1 library that provides Abstract Syntax Notation One (ASN.1, as
                specified by the X.680 ITU-T recommendation) parsing and structures management, and Distinguished
                Encoding Rules (DER, as per X.690) encoding and decoding functions.
                """);
        assertTrue(only.lead().startsWith("This document describes") && only.lead().endsWith("…"),
                "cut only when no sentence fits: " + only.lead());
    }

    @Test
    void aTableIsDescribedByWhatItHolds() {
        DocAnalysis a = compiler.analyze("""
                | version | codename | release |
                | --- | --- | --- |
                | 1.1 | Buzz | 1996-06-17 |
                | 1.2 | Rex | 1996-12-12 |
                """);
        assertEquals("A table of 2 rows with the columns version, codename and release.", a.lead());
    }

    @Test
    void keyPassagesAreTheCentralSentencesOnceEachAndNeverTheReferences() {
        DocAnalysis a = compiler.analyze("""
                # Crash recovery

                This note explains how a database survives a power failure without losing committed work.

                The write-ahead log records every page change before the page reaches the data file.
                Recovery reads each log record of the write-ahead log and redoes the page change.
                The write-ahead log records every page change before the page reaches the data file.
                A checkpoint bounds how much of the write-ahead log recovery must replay.
                After a power failure, recovery replays the write-ahead log from the last checkpoint.
                The cafeteria on the third floor serves lunch between noon and two o'clock daily.
                Each log record names the page it changes and the change itself.
                Recovery ends when the write-ahead log holds no further page change to redo.

                ## References

                Mohan and colleagues describe how recovery replays the write-ahead log and each page change in ARIES.
                Gray and Reuter describe the write-ahead log, the log record and the page change in their book.
                """);
        assertEquals("This note explains how a database survives a power failure without losing committed work.", a.lead());
        List<String> passages = a.passages(a.lead());
        assertEquals(5, passages.size(), passages.toString());
        assertTrue(passages.stream().noneMatch(p -> p.contains("ARIES") || p.contains("Reuter")), passages.toString());
        assertEquals(1, passages.stream().filter(p -> p.startsWith("The write-ahead log records every page change")).count(),
                passages.toString());
        assertTrue(passages.stream().noneMatch(p -> p.contains("cafeteria")), "the off-topic sentence is the least central: " + passages);
        assertFalse(passages.contains(a.lead()), passages.toString());
    }

    @Test
    void twoThreadsAnalysingAtOnceGetWhatOneThreadGets() throws Exception {
        String text = """
                # Storage engines

                SQLite and PostgreSQL keep a write-ahead log so crash recovery can replay committed changes.
                The Free Software Foundation publishes the GNU C Library, which wraps fsync for every program.
                Linus Torvalds wrote the Linux kernel; its page cache decides when dirty pages reach the disk.
                A rollback journal keeps the old pages, while a write-ahead log keeps the new ones.
                """;
        DocAnalysis alone = compiler.analyze(text);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<DocAnalysis>> runs = List.of(pool.submit(() -> compiler.analyze(text)), pool.submit(() -> compiler.analyze(text)),
                    pool.submit(() -> compiler.analyze(text)), pool.submit(() -> compiler.analyze(text)));
            for (Future<DocAnalysis> f : runs) {
                DocAnalysis b = f.get();
                assertEquals(alone.lead(), b.lead());
                assertEquals(alone.phrases(), b.phrases());
                assertEquals(alone.names(), b.names());
                assertEquals(alone.passages(alone.lead()), b.passages(b.lead()));
            }
        } finally {
            pool.shutdown();
        }
    }
}
