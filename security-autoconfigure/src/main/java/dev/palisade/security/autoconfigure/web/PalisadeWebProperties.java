package dev.palisade.security.autoconfigure.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The HTTP side of Palisade ({@code palisade.web}).
 *
 * @param realm the realm named in {@code WWW-Authenticate} challenges
 * @param publicPaths path patterns anyone may call without a credential (for example a token
 * endpoint); everything else needs authentication. The JWK Set path and {@code /error} are
 * always public
 */
@ConfigurationProperties("palisade.web")
public record PalisadeWebProperties(@DefaultValue("palisade") String realm, List<String> publicPaths) {

	public PalisadeWebProperties {
		publicPaths = (publicPaths != null) ? List.copyOf(publicPaths) : List.of();
	}
}
