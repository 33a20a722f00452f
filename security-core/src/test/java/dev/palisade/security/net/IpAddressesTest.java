package dev.palisade.security.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IpAddressesTest {

	@ParameterizedTest
	@ValueSource(strings = { "0.0.0.0", "192.0.2.1", "255.255.255.255", "10.0.0.10" })
	void parsesIpv4Literals(String literal) {
		InetAddress address = IpAddresses.parse(literal);
		assertThat(address).isInstanceOf(Inet4Address.class);
		assertThat(address.getHostAddress()).isEqualTo(literal);
	}

	@Test
	void parsesIpv6Forms() {
		assertThat(IpAddresses.parse("2001:db8::1").getHostAddress()).isEqualTo("2001:db8:0:0:0:0:0:1");
		assertThat(IpAddresses.parse("[2001:db8::1]").getHostAddress()).isEqualTo("2001:db8:0:0:0:0:0:1");
		assertThat(IpAddresses.parse("::").getHostAddress()).isEqualTo("0:0:0:0:0:0:0:0");
		assertThat(IpAddresses.parse("::1").getHostAddress()).isEqualTo("0:0:0:0:0:0:0:1");
		assertThat(IpAddresses.parse("1::").getHostAddress()).isEqualTo("1:0:0:0:0:0:0:0");
		assertThat(IpAddresses.parse("1:2:3:4:5:6:7:8").getHostAddress()).isEqualTo("1:2:3:4:5:6:7:8");
		assertThat(IpAddresses.parse("64:ff9b::192.0.2.33").getHostAddress()).isEqualTo("64:ff9b:0:0:0:0:c000:221");
		assertThat(IpAddresses.parse("FE80::ABCD%eth0")).isInstanceOf(Inet6Address.class);
	}

	@Test
	void ipv4MappedIpv6BecomesIpv4SoOneClientHasOneForm() {
		InetAddress address = IpAddresses.parse("::ffff:192.0.2.1");
		assertThat(address).isInstanceOf(Inet4Address.class);
		assertThat(address.getHostAddress()).isEqualTo("192.0.2.1");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "localhost", "example.com", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4",
			"1.2.3.04", "1..2.3", "1.2.3.", ".1.2.3", "1.2.3.4 ", "-1.2.3.4", "0x7f.0.0.1", "2130706433", ":::",
			"1:::2", "1::2::3", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", ":1:2:3:4:5:6:7", "1:2:3:4:5:6:7:",
			"12345::1", "g::1", "::1.2.3", "1.2.3.4::", "[::1", "::1]", "[1.2.3.4]", "fe80::1%",
			"1:2:3:4:5:6:7::8:9" })
	void rejectsAnythingThatIsNotALiteralWithoutLookingItUp(String text) {
		assertThat(IpAddresses.tryParse(text)).isEmpty();
		assertThatThrownBy(() -> IpAddresses.parse(text)).isInstanceOf(InvalidIpAddressException.class)
			.hasMessageNotContaining(text.isBlank() ? "\u0000" : text);
	}

	@Test
	void nullIsACleanRejection() {
		assertThat(IpAddresses.tryParse(null)).isEmpty();
		assertThatThrownBy(() -> IpAddresses.parse(null)).isInstanceOf(InvalidIpAddressException.class);
	}

	@Test
	void overlongInputIsRejected() {
		assertThat(IpAddresses.tryParse("1".repeat(10_000))).isEmpty();
	}
}
