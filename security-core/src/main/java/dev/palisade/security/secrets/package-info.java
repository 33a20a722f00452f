/**
 * Secrets by path ({@code orgs/acme/projects/p1/openai}), each a small map of fields with versions:
 * the {@link dev.palisade.security.secrets.SecretStore} API, the local encrypted file backend, a
 * cache that serves stale values within a bound while the backend is down, and an auditing wrapper.
 * The HashiCorp Vault backend lives in the auto-configuration module, since it is built on Spring Vault.
 */
package dev.palisade.security.secrets;
