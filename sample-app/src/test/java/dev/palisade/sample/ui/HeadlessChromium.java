package dev.palisade.sample.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Debian's chromium driven through its chromium-driver, for the web UI tests. The test set-up
 * installs both packages when they are missing and the build runs as root with apt-get (as on a
 * fresh Debian CI machine); anywhere else a missing browser skips the test with that reason.
 */
final class HeadlessChromium {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	private HeadlessChromium() {
	}

	static ChromeDriver start() throws Exception {
		installIfMissing();
		assumeThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER))
			.as("Debian's chromium and chromium-driver (apt-get install chromium chromium-driver) for the web UI test")
			.isTrue();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-dev-shm-usage");
		// no password manager: it would fill a form with what an earlier step typed
		options.setExperimentalOption("prefs",
				java.util.Map.of("credentials_enable_service", false, "profile.password_manager_enabled", false,
						"autofill.profile_enabled", false));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		// an element looked up right after a navigation may not be in the page yet
		driver.manage().timeouts().implicitlyWait(java.time.Duration.ofSeconds(5));
		return driver;
	}

	private static synchronized void installIfMissing() throws Exception {
		if (Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER)) {
			return;
		}
		boolean root = "root".equals(System.getProperty("user.name"));
		if (!root || !Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
			return;
		}
		ProcessBuilder install = new ProcessBuilder("apt-get", "install", "-y", "-q", "chromium", "chromium-driver")
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD);
		install.environment().put("DEBIAN_FRONTEND", "noninteractive");
		Process process = install.start();
		if (!process.waitFor(10, TimeUnit.MINUTES)) {
			process.destroyForcibly();
		}
		if (!Files.isExecutable(CHROMIUM)) {
			// the package lists may be empty on a fresh machine
			new ProcessBuilder("apt-get", "update", "-q").redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start()
				.waitFor(5, TimeUnit.MINUTES);
			Process retry = install.start();
			retry.waitFor(10, TimeUnit.MINUTES);
		}
	}
}
