package dev.palisade.security.autoconfigure.secrets;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Replays HTTP exchanges recorded from Vault's documented API (a JSON file under
 * {@code src/test/resources/vault}), in order, over real HTTP on loopback. Each request must match the
 * next recorded one: method, path and query, {@code X-Vault-Token}, and every field of the recorded
 * request body ({@code "<any>"} matches any value, and {@code capture} keeps a request field so a later
 * response can return it as {@code "$name"}, as Vault returns what was written). Anything else is
 * answered 599 and reported by {@link #mismatches()}. This tests Palisade's client code and Spring
 * Vault's use of the API; it is not a test of Vault itself (see VaultContainerTests).
 */
final class RecordedVault implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;

	private final Iterator<JsonNode> exchanges;

	private final List<String> mismatches = new ArrayList<>();

	private final Map<String, JsonNode> captured = new HashMap<>();

	private int served;

	private final int total;

	RecordedVault(String recording) throws IOException {
		JsonNode root;
		try (InputStream in = RecordedVault.class.getResourceAsStream("/vault/" + recording)) {
			root = JSON.readTree(in);
		}
		List<JsonNode> list = new ArrayList<>();
		root.get("exchanges").forEach(list::add);
		this.total = list.size();
		this.exchanges = list.iterator();
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	URI uri() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	/** A request field kept by a recorded {@code capture}. */
	synchronized JsonNode captured(String name) {
		return this.captured.get(name);
	}

	List<String> mismatches() {
		return List.copyOf(this.mismatches);
	}

	/** Whether every recorded exchange was requested, and nothing else. */
	boolean replayedExactly() {
		return this.mismatches.isEmpty() && this.served == this.total;
	}

	private synchronized void handle(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		String method = exchange.getRequestMethod();
		String target = exchange.getRequestURI().getRawPath()
				+ ((exchange.getRequestURI().getRawQuery() != null) ? "?" + exchange.getRequestURI().getRawQuery() : "");
		if (!this.exchanges.hasNext()) {
			fail(exchange, "unexpected request " + method + " " + target);
			return;
		}
		JsonNode recorded = this.exchanges.next();
		JsonNode request = recorded.get("request");
		String problem = match(request, method, target, exchange.getRequestHeaders().getFirst("X-Vault-Token"), body);
		if (problem != null) {
			fail(exchange, problem);
			return;
		}
		this.served++;
		JsonNode response = recorded.get("response");
		int status = response.get("status").asInt();
		JsonNode responseBody = substitute(response.get("body"));
		byte[] bytes = (responseBody != null) ? JSON.writeValueAsBytes(responseBody) : new byte[0];
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, (bytes.length == 0) ? -1 : bytes.length);
		if (bytes.length > 0) {
			exchange.getResponseBody().write(bytes);
		}
		exchange.close();
	}

	private String match(JsonNode request, String method, String target, String token, String body) {
		String expectedMethod = request.get("method").asString();
		String expectedPath = request.get("path").asString();
		boolean list = expectedMethod.equals("LIST");
		boolean methodOk = list ? (method.equals("LIST") || (method.equals("GET") && target.contains("list=true")))
				: method.equals(expectedMethod);
		String path = list ? target.replace("?list=true", "") : target;
		if (!methodOk || !path.equals(expectedPath)) {
			return "expected " + expectedMethod + " " + expectedPath + " but got " + method + " " + target;
		}
		if (request.has("token") && !request.get("token").asString().equals(token)) {
			return "wrong X-Vault-Token on " + method + " " + target;
		}
		if (request.has("body")) {
			JsonNode actual = body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
			String mismatch = contains(request.get("body"), actual, "");
			if (mismatch != null) {
				return "request body of " + method + " " + target + ": " + mismatch;
			}
			if (request.has("capture")) {
				request.get("capture").properties().forEach((entry) -> this.captured.put(entry.getKey(),
						actual.get(entry.getValue().asString())));
			}
		}
		return null;
	}

	private static String contains(JsonNode expected, JsonNode actual, String where) {
		if (expected.isString() && expected.asString().equals("<any>")) {
			return (actual != null) ? null : where + " is missing";
		}
		if (actual == null) {
			return where + " is missing";
		}
		if (expected.isObject()) {
			for (var entry : expected.properties()) {
				String mismatch = contains(entry.getValue(), actual.get(entry.getKey()), where + "." + entry.getKey());
				if (mismatch != null) {
					return mismatch;
				}
			}
			return null;
		}
		return expected.equals(actual) ? null : where + " expected " + expected + " but was " + actual;
	}

	private JsonNode substitute(JsonNode node) {
		if (node == null || node.isNull()) {
			return null;
		}
		if (node.isString() && node.asString().startsWith("$") && this.captured.containsKey(node.asString().substring(1))) {
			return this.captured.get(node.asString().substring(1));
		}
		if (node.isObject()) {
			ObjectNode copy = JSON.createObjectNode();
			node.properties().forEach((entry) -> copy.set(entry.getKey(), substitute(entry.getValue())));
			return copy;
		}
		return node;
	}

	private void fail(HttpExchange exchange, String problem) throws IOException {
		this.mismatches.add(problem);
		byte[] bytes = ("{\"errors\":[\"" + problem.replace("\"", "'") + "\"]}").getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(599, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
