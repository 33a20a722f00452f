package dev.palisade.security.net;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the forwarded-header and CIDR parsers behind every client address: the input's lines are a
 * CIDR block, a {@code Forwarded} value and an {@code X-Forwarded-For} value. A CIDR block parses
 * or is refused with {@link InvalidIpAddressException}; resolving a client address behind a
 * trusted proxy never throws and never returns {@code null}, whatever the headers say.
 */
class ClientAddressFuzzTest {

	private static final ClientIpResolver FORWARDED = new ClientIpResolver(TrustedProxies.privateNetworks(),
			ProxyHeader.FORWARDED);

	private static final ClientIpResolver X_FORWARDED_FOR = new ClientIpResolver(TrustedProxies.privateNetworks(),
			ProxyHeader.X_FORWARDED_FOR);

	@FuzzTest(maxDuration = "6s")
	void headersAndCidrBlocksParseOrAreRefusedAsDocumented(byte[] input) {
		List<String> lines = Arrays.asList(new String(input, StandardCharsets.UTF_8).split("\n", 3));
		try {
			CidrBlock.parse(lines.get(0));
		}
		catch (InvalidIpAddressException expected) {
			// the one documented refusal
		}
		List<String> forwarded = (lines.size() > 1) ? List.of(lines.get(1)) : List.of();
		List<String> xForwardedFor = (lines.size() > 2) ? List.of(lines.get(2)) : List.of();
		assertThat(FORWARDED.resolve("10.0.0.1", forwarded, xForwardedFor)).isNotNull();
		assertThat(X_FORWARDED_FOR.resolve("10.0.0.1", forwarded, xForwardedFor)).isNotNull();
	}

}
