/**
 * Test helpers for applications that use Palisade: {@link dev.palisade.security.test.WithMockApiKey} and
 * {@link dev.palisade.security.test.PalisadeRequestPostProcessors}. Needs {@code spring-security-test} and
 * {@code spring-test} on the test class path (and, for {@code @WithMockApiKey} with MockMvc, Spring Boot's
 * {@code spring-boot-starter-security-test}).
 */
package dev.palisade.security.test;
