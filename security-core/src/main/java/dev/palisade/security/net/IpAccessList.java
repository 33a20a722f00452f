package dev.palisade.security.net;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * An allow list and a deny list of CIDR blocks for one set of paths. A denied address is refused
 * whatever the allow list says; when the allow list is not empty, an address must be in it. The
 * address given is the client address as resolved through the trusted proxies
 * ({@link ClientIpResolver}), never a header a caller can write.
 */
public final class IpAccessList {

	private final List<CidrBlock> allow;

	private final List<CidrBlock> deny;

	private IpAccessList(List<CidrBlock> allow, List<CidrBlock> deny) {
		this.allow = List.copyOf(allow);
		this.deny = List.copyOf(deny);
	}

	/**
	 * Parses both lists.
	 * @throws InvalidIpAddressException if an entry is not a CIDR block or address
	 */
	public static IpAccessList of(Collection<String> allow, Collection<String> deny) {
		return new IpAccessList(parse(allow), parse(deny));
	}

	/**
	 * Whether {@code address} may pass; {@code null} (an address that could not be resolved) passes
	 * only a list that allows everyone and denies no one.
	 */
	public boolean permits(InetAddress address) {
		if (address == null) {
			return this.allow.isEmpty() && this.deny.isEmpty();
		}
		for (CidrBlock block : this.deny) {
			if (block.contains(address)) {
				return false;
			}
		}
		if (this.allow.isEmpty()) {
			return true;
		}
		for (CidrBlock block : this.allow) {
			if (block.contains(address)) {
				return true;
			}
		}
		return false;
	}

	private static List<CidrBlock> parse(Collection<String> cidrs) {
		List<CidrBlock> blocks = new ArrayList<>();
		if (cidrs != null) {
			for (String cidr : cidrs) {
				blocks.add(CidrBlock.parse(cidr));
			}
		}
		return blocks;
	}

	@Override
	public String toString() {
		return "IpAccessList[allow=" + this.allow + ", deny=" + this.deny + "]";
	}
}
