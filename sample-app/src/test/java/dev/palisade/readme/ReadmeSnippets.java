package dev.palisade.readme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The fenced code blocks of the project's README, so that tests run what the README shows. The
 * README is part of this repository (the module's parent directory), not external test data.
 */
final class ReadmeSnippets {

	private ReadmeSnippets() {
	}

	/** The code blocks of one language in the section that starts with {@code heading}, in order. */
	static List<String> blocks(String heading, String language) {
		String readme = "\n" + read(Path.of("..", "README.md")); // so that the first line is a line like the others
		int start = readme.indexOf("\n" + heading + "\n");
		if (start < 0) {
			throw new IllegalStateException("README has no heading '" + heading + "'");
		}
		int level = heading.indexOf(' ');
		String section = readme.substring(start, sectionEnd(readme, start + heading.length() + 1, level));
		List<String> blocks = new ArrayList<>();
		String fence = "```" + language + "\n";
		for (int at = section.indexOf(fence); at >= 0; at = section.indexOf(fence, at)) {
			int close = section.indexOf("\n```", at + fence.length());
			blocks.add(section.substring(at + fence.length(), close + 1));
			at = close + 4;
		}
		return blocks;
	}

	/** Where the next heading of this level or above starts, outside code blocks (a shell comment is no heading). */
	private static int sectionEnd(String readme, int from, int level) {
		boolean inCode = false;
		int at = from;
		while (at < readme.length()) {
			int eol = readme.indexOf('\n', at);
			String line = readme.substring(at, (eol < 0) ? readme.length() : eol);
			if (line.startsWith("```")) {
				inCode = !inCode;
			}
			else if (!inCode && line.matches("#{1," + level + "} .*")) {
				return at - 1;
			}
			if (eol < 0) {
				break;
			}
			at = eol + 1;
		}
		return readme.length();
	}

	/** The lines of a source file between {@code // readme:begin NAME} and {@code // readme:end NAME}. */
	static String sourceRegion(Class<?> testClass, String name) {
		Path source = Path.of("src", "test", "java", testClass.getName().replace('.', '/') + ".java");
		String text = read(source);
		String begin = "// readme:begin " + name + "\n";
		int from = text.indexOf(begin);
		int to = text.indexOf("// readme:end " + name);
		if (from < 0 || to < 0) {
			throw new IllegalStateException("no readme region '" + name + "' in " + source);
		}
		return text.substring(from + begin.length(), text.lastIndexOf('\n', to) + 1);
	}

	/** Code with the indentation of its first line removed from every line, tabs kept. */
	static String dedent(String code) {
		String[] lines = code.split("\n", -1);
		int indent = 0;
		while (indent < lines[0].length() && lines[0].charAt(indent) == '\t') {
			indent++;
		}
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i];
			int cut = 0;
			while (cut < indent && cut < line.length() && line.charAt(cut) == '\t') {
				cut++;
			}
			out.append(line.substring(cut));
			if (i < lines.length - 1) {
				out.append('\n');
			}
		}
		return out.toString();
	}

	private static String read(Path path) {
		try {
			return Files.readString(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
