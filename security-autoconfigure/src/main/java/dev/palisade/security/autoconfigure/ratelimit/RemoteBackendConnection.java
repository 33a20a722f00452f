package dev.palisade.security.autoconfigure.ratelimit;

/** A rate-limit backend that talks to a server and knows whether it is connected now (for health). */
public interface RemoteBackendConnection {

	/** Whether the backend holds a working connection at this moment. */
	boolean isConnected();
}
