package dev.palisade.benchmarks.stock;

import java.io.IOException;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The stock baseline: what a Spring team writes by hand for a JWT resource server. RS256 tokens are
 * verified by {@link NimbusJwtDecoder} with the public key from a JWK Set file (the sample's own
 * key, so one token is valid for both), issuer, audience, {@code typ} and time checked; {@code /api/v1/me}
 * needs a token and answers the same JSON fields as the sample; {@code /api/v1/me/example} is open.
 */
@SpringBootApplication
public class StockResourceServer {

	public static void main(String[] args) {
		SpringApplication.run(StockResourceServer.class, args);
	}

	@Bean
	SecurityFilterChain api(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers("/api/v1/me/example").permitAll()
			.anyRequest()
			.authenticated())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.oauth2ResourceServer((resourceServer) -> resourceServer.jwt((jwt) -> {
			}));
		return http.build();
	}

	@Bean
	JwtDecoder jwtDecoder(@Value("${stock.jwks-file}") Path jwksFile, @Value("${stock.issuer}") String issuer,
			@Value("${stock.audience}") String audience) throws IOException, ParseException, JOSEException {
		RSAKey key = JWKSet.load(jwksFile.toFile())
			.getKeys()
			.stream()
			.filter(RSAKey.class::isInstance)
			.map(RSAKey.class::cast)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no RSA key in " + jwksFile));
		RSAPublicKey publicKey = key.toRSAPublicKey();
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(publicKey).build();
		// RFC 9068 access tokens carry typ at+jwt; Spring Security 7 checks typ in a validator
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(),
				new JwtIssuerValidator(issuer), new JwtTypeValidator("at+jwt"),
				new JwtClaimValidator<List<String>>("aud", (aud) -> aud != null && aud.contains(audience))));
		return decoder;
	}

	@RestController
	static class MeController {

		@GetMapping("/api/v1/me")
		Map<String, Object> me(@AuthenticationPrincipal Jwt jwt, JwtAuthenticationToken authentication) {
			Map<String, Object> body = new TreeMap<>();
			body.put("subject", jwt.getSubject());
			body.put("kind", jwt.getClaimAsString("kind"));
			body.put("org", jwt.getClaimAsString("org"));
			body.put("project", jwt.getClaimAsString("project"));
			body.put("roles", sorted(jwt.getClaimAsStringList("roles")));
			body.put("permissions", sorted(jwt.getClaimAsStringList("permissions")));
			body.put("effectivePermissions",
					authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList());
			return body;
		}

		@GetMapping("/api/v1/me/example")
		Map<String, Object> example() {
			Map<String, Object> body = new TreeMap<>();
			body.put("subject", "acme-dev");
			body.put("kind", "user");
			body.put("org", "acme");
			body.put("project", "p1");
			body.put("roles", List.of("project:developer"));
			body.put("permissions", List.of());
			body.put("effectivePermissions", List.of("SCOPE_agents:read"));
			return body;
		}

		private static List<String> sorted(List<String> values) {
			return (values != null) ? values.stream().sorted().toList() : List.of();
		}
	}
}
