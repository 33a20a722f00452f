package dev.palisade.security.autoconfigure.crypto;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.palisade.security.crypto.password.Argon2idHasher;
import dev.palisade.security.crypto.password.BcryptHasher;
import dev.palisade.security.crypto.password.DelegatingPasswordHasher;
import dev.palisade.security.crypto.password.PasswordHasher;
import dev.palisade.security.crypto.password.PasswordPolicy;
import dev.palisade.security.crypto.password.PasswordVerification;
import dev.palisade.security.crypto.password.Pbkdf2Hasher;
import dev.palisade.security.crypto.password.ScryptHasher;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password hashing: a {@link DelegatingPasswordHasher} with Argon2id by default, the
 * timing-equal {@link PasswordVerification} for sign-in, and the same hasher as Spring
 * Security's {@link PasswordEncoder}.
 */
@AutoConfiguration
@EnableConfigurationProperties(PalisadePasswordProperties.class)
public final class PalisadePasswordAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DelegatingPasswordHasher palisadePasswordHasher(PalisadePasswordProperties properties) {
		Map<String, PasswordHasher> hashers = new LinkedHashMap<>();
		PalisadePasswordProperties.Argon2 argon2 = properties.argon2();
		hashers.put(Argon2idHasher.ID, new Argon2idHasher(new Argon2idHasher.Parameters(argon2.memoryKib(),
				argon2.iterations(), argon2.parallelism(), 16, 32)));
		PalisadePasswordProperties.Scrypt scrypt = properties.scrypt();
		hashers.put(ScryptHasher.ID, new ScryptHasher(
				new ScryptHasher.Parameters(scrypt.cpuCost(), scrypt.blockSize(), scrypt.parallelism(), 16, 32)));
		hashers.put(Pbkdf2Hasher.ID,
				new Pbkdf2Hasher(new Pbkdf2Hasher.Parameters(properties.pbkdf2().iterations(), 16, 32)));
		hashers.put(BcryptHasher.ID, new BcryptHasher(new BcryptHasher.Parameters(properties.bcrypt().cost())));
		return new DelegatingPasswordHasher(properties.algorithm(), hashers, new PasswordPolicy(properties.maxLength()));
	}

	@Bean
	@ConditionalOnMissingBean
	PasswordVerification palisadePasswordVerification(DelegatingPasswordHasher hasher) {
		return new PasswordVerification(hasher);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(PasswordEncoder.class)
	static class SpringPasswordEncoderConfiguration {

		@Bean
		@ConditionalOnMissingBean
		PasswordEncoder palisadePasswordEncoder(DelegatingPasswordHasher hasher) {
			return new PasswordHasherPasswordEncoder(hasher);
		}
	}
}
