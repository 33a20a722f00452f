package dev.palisade.security.autoconfigure.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/alerts/palisade.yml} is a well-formed Prometheus rules file whose every Palisade
 * metric and tag value is in the metrics catalogue ({@code docs/METRICS.md}). Debian's promtool is
 * not installed by the build, so this test stands in for {@code promtool check rules}.
 */
class AlertRulesTests {

	private static final Path DOCS = Path.of("..", "docs");

	private static final Pattern METRIC = Pattern.compile("\\b(palisade_[a-z_]+?)_total\\b");

	private static final Pattern MATCHER = Pattern.compile("(type|result|outcome)\\s*=~?\\s*\"([^\"]+)\"");

	@Test
	@SuppressWarnings("unchecked")
	void everyRuleIsWellFormedAndNamesOnlyCataloguedMetricsAndTagValues() throws IOException {
		String catalogue = Files.readString(DOCS.resolve("METRICS.md"));
		Map<String, Object> file = new Yaml().load(Files.readString(DOCS.resolve("alerts/palisade.yml")));
		List<Map<String, Object>> groups = (List<Map<String, Object>>) file.get("groups");
		assertThat(groups).isNotEmpty();
		List<String> alerts = new ArrayList<>();
		for (Map<String, Object> group : groups) {
			assertThat(group.get("name")).isInstanceOf(String.class);
			for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
				String alert = (String) rule.get("alert");
				String expr = (String) rule.get("expr");
				assertThat(alert).as("alert name").matches("[A-Za-z][A-Za-z0-9_]*");
				assertThat(expr).as(alert).isNotBlank();
				assertThat(balanced(expr)).as(alert + ": balanced brackets").isTrue();
				assertThat((Map<String, Object>) rule.get("labels")).as(alert).containsKey("severity");
				assertThat((Map<String, Object>) rule.get("annotations")).as(alert).containsKey("summary");
				if (rule.containsKey("for")) {
					assertThat(rule.get("for").toString()).as(alert).matches("\\d+[smhd]");
				}
				Matcher metric = METRIC.matcher(expr);
				while (metric.find()) {
					String meter = metric.group(1).replace('_', '.');
					assertThat(catalogue).as(alert + " names " + meter).contains("`" + meter + "`");
				}
				Matcher matcher = MATCHER.matcher(expr);
				while (matcher.find()) {
					for (String value : matcher.group(2).split("\\|")) {
						assertThat(catalogue).as(alert + ": " + matcher.group(1) + " value " + value)
							.contains("`" + value + "`");
					}
				}
				alerts.add(alert);
			}
		}
		assertThat(alerts).doesNotHaveDuplicates()
			.contains("PalisadeFailedSignInsHigh", "PalisadeRateLimitRefusalsSpike", "PalisadeAuditWriteFailing",
					"PalisadeCertificateExpiresSoon");
	}

	private static boolean balanced(String expr) {
		int depth = 0;
		for (char c : expr.toCharArray()) {
			depth += (c == '(' || c == '{' || c == '[') ? 1 : (c == ')' || c == '}' || c == ']') ? -1 : 0;
			if (depth < 0) {
				return false;
			}
		}
		return depth == 0;
	}
}
