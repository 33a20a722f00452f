package dev.palisade.security.net;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IpAccessListTest {

	@Test
	void denyWinsOverAllowAndAnAllowListShutsEveryoneElseOut() {
		IpAccessList list = IpAccessList.of(List.of("10.0.0.0/8", "2001:db8::/32"), List.of("10.6.6.0/24"));
		assertThat(list.permits(IpAddresses.parse("10.1.2.3"))).isTrue();
		assertThat(list.permits(IpAddresses.parse("2001:db8::1"))).isTrue();
		assertThat(list.permits(IpAddresses.parse("10.6.6.6"))).isFalse();
		assertThat(list.permits(IpAddresses.parse("192.0.2.1"))).isFalse();
		assertThat(list.permits(IpAddresses.parse("2001:db9::1"))).isFalse();
		// an IPv4-mapped IPv6 address is the IPv4 address: it cannot slip past the IPv4 deny entry
		assertThat(list.permits(IpAddresses.parse("::ffff:10.6.6.6"))).isFalse();
	}

	@Test
	void aDenyOnlyListLetsTheRestThroughAndAnUnresolvedAddressFailsClosed() {
		IpAccessList denyOnly = IpAccessList.of(List.of(), List.of("203.0.113.0/24"));
		assertThat(denyOnly.permits(IpAddresses.parse("198.51.100.1"))).isTrue();
		assertThat(denyOnly.permits(IpAddresses.parse("203.0.113.9"))).isFalse();
		assertThat(denyOnly.permits(null)).isFalse();
		assertThat(IpAccessList.of(List.of(), List.of()).permits(null)).isTrue();
	}

	@Test
	void aBadEntryIsRefusedAtConstruction() {
		assertThatThrownBy(() -> IpAccessList.of(List.of("10.0.0.1/8"), List.of()))
			.isInstanceOf(InvalidIpAddressException.class);
		assertThatThrownBy(() -> IpAccessList.of(List.of(), List.of("not-an-address")))
			.isInstanceOf(InvalidIpAddressException.class);
	}
}
