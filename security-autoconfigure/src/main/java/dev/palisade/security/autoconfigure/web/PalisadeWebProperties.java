package dev.palisade.security.autoconfigure.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The HTTP side of Palisade ({@code palisade.web}).
 *
 * <p>Public paths moved to {@code palisade.access.public-paths}.
 *
 * @param realm The realm named in WWW-Authenticate challenges.
 */
@ConfigurationProperties("palisade.web")
public record PalisadeWebProperties(@DefaultValue("palisade") String realm) {
}
