package dev.palisade.security.web;

import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The loops accept exactly what StrictHttpFirewall's regular expressions accept. */
class HeaderCharactersTests {

	private static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

	private static final Pattern VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

	@Test
	void agreeWithTheFirewallsPatternsOnNamedCases() {
		String[] cases = { "", "Bearer eyJhbGciOiJFUzI1NiJ9.e30.sig", "a\tb", "a\u0000b", "\u007f", "\u0085", "\u00e9t\u00e9",
				"\ud83d\ude00", "\ud83d", "\ude00x", "\u0378", "x\r\ny", "\u00a0", "\ufffe" };
		for (String value : cases) {
			assertThat(HeaderCharacters.ASSIGNED_NOT_CONTROL.test(value)).as(escaped(value))
				.isEqualTo(NAMES.matcher(value).matches());
			assertThat(HeaderCharacters.HEADER_VALUE.test(value)).as(escaped(value))
				.isEqualTo(VALUES.matcher(value).matches());
		}
		assertThat(HeaderCharacters.HEADER_VALUE.test("a\tb")).isTrue();
		assertThat(HeaderCharacters.ASSIGNED_NOT_CONTROL.test("a\tb")).isFalse();
		assertThat(HeaderCharacters.HEADER_VALUE.test("x\r\ny")).isFalse();
	}

	@Test
	void agreeWithTheFirewallsPatternsOnRandomStrings() {
		Random random = new Random(42);
		for (int n = 0; n < 200_000; n++) {
			StringBuilder value = new StringBuilder();
			int length = random.nextInt(6);
			for (int i = 0; i < length; i++) {
				int pick = random.nextInt(4);
				char c = switch (pick) {
					case 0 -> (char) random.nextInt(0x100);
					case 1 -> (char) (0xd800 + random.nextInt(0x800)); // surrogates, paired or not
					default -> (char) random.nextInt(0x10000);
				};
				value.append(c);
			}
			String s = value.toString();
			assertThat(HeaderCharacters.ASSIGNED_NOT_CONTROL.test(s)).as(escaped(s)).isEqualTo(NAMES.matcher(s).matches());
			assertThat(HeaderCharacters.HEADER_VALUE.test(s)).as(escaped(s)).isEqualTo(VALUES.matcher(s).matches());
		}
	}

	private static String escaped(String value) {
		StringBuilder out = new StringBuilder();
		value.chars().forEach((c) -> out.append(String.format("\\u%04x", c)));
		return out.toString();
	}
}
