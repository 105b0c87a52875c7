package org.ansatz.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Guards the in-framework test run. bnd's JUnit Platform tester reports success when it finds no tests
 * at all (it did with JUnit 5.14 and tester 7.1.0), so a broken set-up would pass silently. This checks
 * that its reports exist and count the tests we wrote.
 */
class InFrameworkReportsIT {

    @Test
    void inFrameworkTestsRanAndPassed() throws Exception {
        Path reports = Paths.get(System.getProperty("ansatz.itest.reports"));
        List<Path> xml;
        try (Stream<Path> files = Files.list(reports)) {
            xml = files.filter(p -> p.getFileName().toString().startsWith("TEST-")).toList();
        }
        int tests = 0;
        int failed = 0;
        Pattern suite = Pattern.compile("<testsuite[^>]*?tests=\"(\\d+)\"[^>]*?>");
        Pattern bad = Pattern.compile("(failures|errors)=\"(\\d+)\"");
        for (Path p : xml) {
            String s = Files.readString(p);
            Matcher m = suite.matcher(s);
            while (m.find()) {
                tests += Integer.parseInt(m.group(1));
                Matcher b = bad.matcher(m.group());
                while (b.find()) {
                    failed += Integer.parseInt(b.group(2));
                }
            }
        }
        assertThat(tests).as("tests reported in " + reports).isGreaterThanOrEqualTo(8);
        assertThat(failed).isZero();
    }
}
