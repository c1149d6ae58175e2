package no.pathway.api.ui.indicators;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import no.pathway.api.gaps.IndicatorReport;

/**
 * The indicators as CSV (RFC 4180: comma, CRLF, quotes where needed), for a spreadsheet: counts per rule, group and
 * month, never a pathway or a person. Every cell that a spreadsheet would read as a formula (starting with =, +, -,
 * @, a tab or a carriage return) is made text with a leading apostrophe, whatever it holds (OWASP's "CSV injection").
 * The rate is a decimal with a point, the codes are the API's; the rule's name is in the reader's language.
 */
final class IndicatorCsv {
    static final String CONTENT_TYPE = "text/csv; charset=UTF-8";

    private IndicatorCsv() {
    }

    /**
     * @param ruleNames the rule's name per rule code, in the reader's language
     */
    static String of(IndicatorReport.Indicators report, Function<String, String> ruleNames) {
        boolean byMunicipality = report.groupBy().equals("municipality");
        StringBuilder csv = new StringBuilder();
        line(csv, Stream.of("rule", "rule_name", byMunicipality ? "municipality" : null, "month", "applicable",
                "closed_on_time", "closed_late", "open", "prospective", "not_applicable", "compliance_rate"));
        for (IndicatorReport.Indicator i : report.indicators()) {
            line(csv, Stream.of(i.rule(), ruleNames.apply(i.rule()), byMunicipality ? i.group() : null, i.period(),
                    String.valueOf(i.applicable()), String.valueOf(i.closedOnTime()), String.valueOf(i.closedLate()),
                    String.valueOf(i.open()), String.valueOf(i.prospective()), String.valueOf(i.notApplicable()),
                    i.complianceRate() == null ? "" : String.format(Locale.ROOT, "%.4f", i.complianceRate())));
        }
        return csv.toString();
    }

    private static void line(StringBuilder csv, Stream<String> cells) {
        List<String> present = cells.filter(Objects::nonNull).toList();
        csv.append(present.stream().map(IndicatorCsv::cell).collect(Collectors.joining(","))).append("\r\n");
    }

    /** One cell, safe from formula injection and quoted when it holds a comma, a quote or a line break. */
    static String cell(String value) {
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
