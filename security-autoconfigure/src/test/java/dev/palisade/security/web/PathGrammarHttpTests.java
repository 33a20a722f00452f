package dev.palisade.security.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * With a firewall that lets {@code ;} through, the rate limiter refuses a path with path parameters
 * exactly as the access rules do (400), instead of normalising it and counting it against another
 * policy as it used to. (A {@code ;jsessionid=} suffix is removed by Spring's path helper before
 * either sees the path, for both alike.)
 */
@SpringBootTest(classes = TestApplication.class,
		properties = { "palisade.access.public-paths=/open/**", "palisade.rate-limit.pre-auth-policies[0].name=open",
				"palisade.rate-limit.pre-auth-policies[0].paths=/open/**",
				"palisade.rate-limit.pre-auth-policies[0].limits[0].capacity=1",
				"palisade.rate-limit.pre-auth-policies[0].limits[0].period=1h" })
@AutoConfigureMockMvc
@Import(PathGrammarHttpTests.LenientFirewall.class)
class PathGrammarHttpTests {

	@Autowired
	MockMvc mvc;

	@Test
	void aPathTheAccessRulesRefuseIsRefusedBeforeItIsCounted() throws Exception {
		this.mvc.perform(get("/open;x=1/ping")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/open/ping;x=1")).andExpect(status().isBadRequest());
		// neither refused request spent the budget of one (the old limiter normalised and counted them)
		this.mvc.perform(get("/open/ping")).andExpect(status().isOk());
		this.mvc.perform(get("/open/ping")).andExpect(status().isTooManyRequests());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class LenientFirewall {

		@Bean
		StrictHttpFirewall semicolonFirewall() {
			StrictHttpFirewall firewall = new StrictHttpFirewall();
			firewall.setAllowSemicolon(true);
			return firewall;
		}
	}
}
