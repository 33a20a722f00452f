package dev.palisade.security.net;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CidrBlockTest {

	@Test
	void ipv4BlockContainsItsRangeOnly() {
		CidrBlock block = CidrBlock.parse("10.1.0.0/16");
		assertThat(block.contains(IpAddresses.parse("10.1.0.0"))).isTrue();
		assertThat(block.contains(IpAddresses.parse("10.1.255.255"))).isTrue();
		assertThat(block.contains(IpAddresses.parse("10.2.0.0"))).isFalse();
		assertThat(block.contains(IpAddresses.parse("10.0.255.255"))).isFalse();
	}

	@Test
	void partialBytePrefixesUseBitMasks() {
		CidrBlock block = CidrBlock.parse("172.16.0.0/12");
		assertThat(block.contains(IpAddresses.parse("172.16.0.1"))).isTrue();
		assertThat(block.contains(IpAddresses.parse("172.31.255.255"))).isTrue();
		assertThat(block.contains(IpAddresses.parse("172.32.0.0"))).isFalse();
		assertThat(block.contains(IpAddresses.parse("172.15.255.255"))).isFalse();
	}

	@Test
	void ipv6Blocks() {
		CidrBlock block = CidrBlock.parse("2001:db8::/32");
		assertThat(block.isIpv6()).isTrue();
		assertThat(block.contains(IpAddresses.parse("2001:db8:ffff::1"))).isTrue();
		assertThat(block.contains(IpAddresses.parse("2001:db9::1"))).isFalse();
		assertThat(CidrBlock.parse("fc00::/7").contains(IpAddresses.parse("fd12:3456::1"))).isTrue();
		assertThat(CidrBlock.parse("fc00::/7").contains(IpAddresses.parse("fe00::1"))).isFalse();
	}

	@Test
	void familiesNeverMix() {
		assertThat(CidrBlock.parse("0.0.0.0/0").contains(IpAddresses.parse("::1"))).isFalse();
		assertThat(CidrBlock.parse("::/0").contains(IpAddresses.parse("127.0.0.1"))).isFalse();
		assertThat(CidrBlock.parse("::/0").contains(IpAddresses.parse("::1"))).isTrue();
	}

	@Test
	void bareAddressIsASingleHost() {
		CidrBlock block = CidrBlock.parse("192.0.2.7");
		assertThat(block.prefixLength()).isEqualTo(32);
		assertThat(block.contains(IpAddresses.parse("192.0.2.7"))).isTrue();
		assertThat(block.contains(IpAddresses.parse("192.0.2.8"))).isFalse();
		assertThat(CidrBlock.parse("::1").prefixLength()).isEqualTo(128);
	}

	@Test
	void ipv4MappedBlockIsNormalisedToIpv4() {
		assertThat(CidrBlock.parse("::ffff:10.0.0.0/8").contains(IpAddresses.parse("10.9.9.9"))).isTrue();
	}

	@Test
	void nullAddressIsNotContained() {
		assertThat(CidrBlock.parse("10.0.0.0/8").contains(null)).isFalse();
	}

	@Test
	void canonicalTextAndEquality() {
		assertThat(CidrBlock.parse(" 10.0.0.0/8 ")).hasToString("10.0.0.0/8").isEqualTo(CidrBlock.parse("10.0.0.0/8"));
		assertThat(CidrBlock.parse("10.0.0.0/8").hashCode()).isEqualTo(CidrBlock.parse("10.0.0.0/8").hashCode());
	}

	@ParameterizedTest
	@ValueSource(strings = { "10.0.0.0/33", "::/129", "10.0.0.0/", "10.0.0.0/-1", "10.0.0.0/8/8", "10.0.0.0/a",
			"host.example/8", "10.0.0/8", "192.168.1.7/24", "2001:db8::1/32", "/8", "10.0.0.0/0008" })
	void rejectsInvalidBlocksAtStartUp(String cidr) {
		assertThatThrownBy(() -> CidrBlock.parse(cidr)).isInstanceOf(InvalidIpAddressException.class);
	}

	@Test
	void hostBitsMessageSaysWhatToFix() {
		assertThatThrownBy(() -> CidrBlock.parse("192.168.1.7/24")).hasMessageContaining("host bits");
	}

	@Test
	void trustedProxiesMatchAnyBlock() {
		TrustedProxies proxies = TrustedProxies.of("10.0.0.0/8", "2001:db8::/32");
		assertThat(proxies.isTrusted(IpAddresses.parse("10.3.3.3"))).isTrue();
		assertThat(proxies.isTrusted(IpAddresses.parse("2001:db8::5"))).isTrue();
		assertThat(proxies.isTrusted(IpAddresses.parse("11.0.0.1"))).isFalse();
		assertThat(proxies.isTrusted(null)).isFalse();
		assertThat(TrustedProxies.none().isTrusted(IpAddresses.parse("127.0.0.1"))).isFalse();
		assertThat(TrustedProxies.privateNetworks().isTrusted(IpAddresses.parse("192.168.0.9"))).isTrue();
		assertThat(TrustedProxies.privateNetworks().isTrusted(IpAddresses.parse("8.8.8.8"))).isFalse();
	}
}
