/**
 * Keyrings: several keys of one kind, one primary, a status per key and a key id in every output,
 * shared by token signing keys, API-key peppers and the audit log's MAC and checkpoint keys.
 */
package dev.palisade.security.crypto.keyring;
