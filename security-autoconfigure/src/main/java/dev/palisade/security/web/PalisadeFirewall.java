package dev.palisade.security.web;

import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's {@link StrictHttpFirewall} with every default rule, its character checks of
 * header names, header values and parameter names done by {@link HeaderCharacters} (the same
 * strings accepted, without a regular expression per header on every request).
 */
public final class PalisadeFirewall {

	private PalisadeFirewall() {
	}

	/** A new strict firewall with Palisade's character checks. */
	public static StrictHttpFirewall strict() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedHeaderNames(HeaderCharacters.ASSIGNED_NOT_CONTROL);
		firewall.setAllowedHeaderValues(HeaderCharacters.HEADER_VALUE);
		firewall.setAllowedParameterNames(HeaderCharacters.ASSIGNED_NOT_CONTROL);
		return firewall;
	}
}
