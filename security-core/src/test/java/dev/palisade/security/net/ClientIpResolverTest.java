package dev.palisade.security.net;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientIpResolverTest {

	private static final List<String> NONE = List.of();

	private final ClientIpResolver xff = new ClientIpResolver(TrustedProxies.of("10.0.0.0/8", "2001:db8:1::/48"),
			ProxyHeader.X_FORWARDED_FOR);

	private final ClientIpResolver forwarded = new ClientIpResolver(TrustedProxies.of("10.0.0.0/8"),
			ProxyHeader.FORWARDED);

	private String resolve(ClientIpResolver resolver, String peer, List<String> forwardedHeaders, List<String> xffHeaders) {
		return resolver.resolve(peer, forwardedHeaders, xffHeaders).getHostAddress();
	}

	@Test
	void spoofedXForwardedForFromUntrustedPeerChangesNothing() {
		assertThat(resolve(this.xff, "203.0.113.9", NONE, List.of("1.2.3.4"))).isEqualTo("203.0.113.9");
		assertThat(resolve(this.xff, "203.0.113.9", List.of("for=1.2.3.4"), List.of("10.0.0.1, 1.2.3.4")))
			.isEqualTo("203.0.113.9");
	}

	@Test
	void directResolverNeverReadsHeaders() {
		assertThat(resolve(ClientIpResolver.direct(), "127.0.0.1", List.of("for=1.2.3.4"), List.of("1.2.3.4")))
			.isEqualTo("127.0.0.1");
	}

	@Test
	void trustedProxyChainIsHonouredRightToLeft() {
		assertThat(resolve(this.xff, "10.0.0.1", NONE, List.of("198.51.100.7, 10.0.0.2"))).isEqualTo("198.51.100.7");
	}

	@Test
	void spoofedEntriesLeftOfTheRealClientAreNeverReached() {
		// the client sent "X-Forwarded-For: 1.1.1.1"; the proxy appended the address it saw
		assertThat(resolve(this.xff, "10.0.0.1", NONE, List.of("1.1.1.1, 198.51.100.7"))).isEqualTo("198.51.100.7");
	}

	@Test
	void clientCannotPoseAsATrustedProxyToReachFurtherLeft() {
		// the client claims to be 10.0.0.9 (trusted) so that 1.1.1.1 would be read; but its real
		// address 198.51.100.7 is untrusted and ends the walk
		assertThat(resolve(this.xff, "10.0.0.1", NONE, List.of("1.1.1.1, 10.0.0.9, 198.51.100.7")))
			.isEqualTo("198.51.100.7");
	}

	@Test
	void multipleHeaderLinesFormOneList() {
		assertThat(resolve(this.xff, "10.0.0.1", NONE, List.of("198.51.100.7", "10.0.0.2"))).isEqualTo("198.51.100.7");
	}

	@Test
	void trustedPeerWithoutHeaderIsTheClient() {
		assertThat(resolve(this.xff, "10.0.0.1", NONE, NONE)).isEqualTo("10.0.0.1");
		assertThat(resolve(this.xff, "10.0.0.1", null, null)).isEqualTo("10.0.0.1");
	}

	@Test
	void whenEveryHopIsTrustedTheLeftmostIsTheClient() {
		assertThat(resolve(this.xff, "10.0.0.1", NONE, List.of("10.0.0.3, 10.0.0.2"))).isEqualTo("10.0.0.3");
	}

	@Test
	void ipv6PeersAndHops() {
		assertThat(resolve(this.xff, "2001:db8:1::5", NONE, List.of("2001:db8:2::7"))).isEqualTo("2001:db8:2:0:0:0:0:7");
		assertThat(resolve(this.xff, "2001:db8:1::5", NONE, List.of("[2001:db8:2::7]:443")))
			.isEqualTo("2001:db8:2:0:0:0:0:7");
		assertThat(resolve(this.xff, "[2001:db8:9::5]", NONE, List.of("1.2.3.4"))).isEqualTo("2001:db8:9:0:0:0:0:5");
	}

	@Test
	void portsOnIpv4HopsAreIgnored() {
		assertThat(resolve(this.xff, "10.0.0.1", NONE, List.of("198.51.100.7:5555"))).isEqualTo("198.51.100.7");
	}

	@ParameterizedTest
	@ValueSource(strings = { "not-an-ip", "unknown", "_hidden", "198.51.100.7:99999", "198.51.100.7:port", "[::1",
			"[::1]x", "999.1.1.1", "evil.example.com", "198.51.100.7\u0000", "'; DROP TABLE", "" })
	void malformedHopStopsTheWalkAtTheNearestVerifiedAddress(String hop) {
		assertThat(resolve(this.xff, "10.0.0.1", NONE, List.of("1.1.1.1, " + hop))).isEqualTo("10.0.0.1");
		assertThat(resolve(this.xff, "10.0.0.1", NONE, List.of("1.1.1.1, " + hop + ", 10.0.0.2"))).isEqualTo("10.0.0.2");
	}

	@Test
	void emptyEntriesAreMalformedButBlankHeadersAreAbsent() {
		assertThat(resolve(this.xff, "10.0.0.1", NONE, List.of("1.1.1.1, , 10.0.0.2"))).isEqualTo("10.0.0.2");
		assertThat(resolve(this.xff, "10.0.0.1", NONE, List.of("198.51.100.7", " "))).isEqualTo("198.51.100.7");
	}

	@Test
	void invalidSocketAddressIsACleanException() {
		assertThatThrownBy(() -> this.xff.resolve("localhost", NONE, NONE)).isInstanceOf(InvalidIpAddressException.class);
		assertThatThrownBy(() -> this.xff.resolve(null, NONE, NONE)).isInstanceOf(InvalidIpAddressException.class);
	}

	@Test
	void hugeHeadersAreBoundedToMaxHops() {
		List<String> hops = new ArrayList<>();
		hops.add("198.51.100.7");
		for (int i = 0; i < 1000; i++) {
			hops.add("10.0.0." + (i % 250 + 1));
		}
		// the client is more than MAX_HOPS away: the walk stops at the last examined trusted hop
		assertThat(resolve(this.xff, "10.0.0.1", NONE, List.of(String.join(",", hops))))
			.startsWith("10.0.0.");
	}

	@Test
	void rfc7239ForwardedIsReadWhenConfigured() {
		assertThat(resolve(this.forwarded, "10.0.0.1", List.of("for=198.51.100.7;proto=https;by=10.0.0.1"), NONE))
			.isEqualTo("198.51.100.7");
		assertThat(resolve(this.forwarded, "10.0.0.1",
				List.of("for=1.1.1.1, for=\"[2001:db8:cafe::17]:4711\"", "for=10.0.0.2"), NONE))
			.isEqualTo("2001:db8:cafe:0:0:0:0:17");
		assertThat(resolve(this.forwarded, "10.0.0.1", List.of("For=\"198.51.100.7:80\";Proto=http"), NONE))
			.isEqualTo("198.51.100.7");
	}

	@Test
	void quotedCommasInForwardedDoNotSplitElements() {
		assertThat(resolve(this.forwarded, "10.0.0.1", List.of("for=1.1.1.1;ext=\"a, for=6.6.6.6\";for=x, for=198.51.100.7"),
				NONE))
			.isEqualTo("198.51.100.7");
		assertThat(resolve(this.forwarded, "10.0.0.1", List.of("for=198.51.100.7;ext=\"a,b\""), NONE))
			.isEqualTo("198.51.100.7");
	}

	@ParameterizedTest
	@ValueSource(strings = { "for=unknown", "for=_hidden", "proto=https", "for=[::1]", "for=\"198.51.100.7",
			"for=198.51.100.7;for=1.2.3.4", "=x", "for", "for=1.2.3.4 garbage" })
	void malformedForwardedElementsStopTheWalk(String element) {
		assertThat(resolve(this.forwarded, "10.0.0.1", List.of("for=1.1.1.1, " + element), NONE)).isEqualTo("10.0.0.1");
	}

	@Test
	void forwardedInjectedThroughAnXffProxyIsIgnored() {
		// proxies append X-Forwarded-For; the client's own Forwarded header passes through untouched
		assertThat(resolve(this.xff, "10.0.0.1", List.of("for=1.1.1.1"), List.of("198.51.100.7")))
			.isEqualTo("198.51.100.7");
		assertThat(resolve(this.forwarded, "10.0.0.1", List.of("for=198.51.100.7"), List.of("1.1.1.1")))
			.isEqualTo("198.51.100.7");
	}
}
