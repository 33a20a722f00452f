package dev.palisade.security.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithSecurityContext;

/**
 * Runs a test as a caller authenticated with an API key, without any key, store or header: the
 * security context holds the same {@code PalisadeAuthentication} a verified key produces (kind
 * {@code api_key}, subject = the key id, permissions = the scopes). Works like Spring Security's
 * {@code @WithMockUser}: on a test method or class, with MockMvc or direct method calls. With
 * MockMvc, the MockMvc must carry Spring Security's test support: Spring Boot applies it when
 * {@code spring-boot-starter-security-test} is on the test class path, otherwise build MockMvc
 * with {@code SecurityMockMvcConfigurers.springSecurity()}.
 *
 * <pre class="code">
 * &#64;Test
 * &#64;WithMockApiKey(org = "acme", scopes = "agents:read")
 * void listsAgents() throws Exception { ... }
 * </pre>
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
@WithSecurityContext(factory = WithMockApiKeySecurityContextFactory.class)
public @interface WithMockApiKey {

	/** The key id, which becomes the principal's subject. */
	String keyId() default "test-key";

	/** The organisation the key is scoped to; empty means none. */
	String org() default "";

	/** The project within {@link #org()}; empty means none. */
	String project() default "";

	/** The key's scopes, which become the principal's permissions and authorities. */
	String[] scopes() default {};

	/** When the security context is set up; see {@code @WithMockUser#setupBefore()}. */
	@AliasFor(annotation = WithSecurityContext.class)
	TestExecutionEvent setupBefore() default TestExecutionEvent.TEST_METHOD;
}
