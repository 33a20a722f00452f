package dev.palisade.security.autoconfigure.network;

import dev.palisade.security.audit.AuditRecorder;
import dev.palisade.security.web.ProblemErrorReportValve;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Puts {@link ProblemErrorReportValve} in the place of Tomcat's {@code ErrorReportValve} (and of the
 * one Spring Boot configures), so that a request Tomcat refuses before the application sees it is
 * answered with problem+json. Ordered last, after Boot's own Tomcat customizer.
 */
final class TomcatProblemErrorsCustomizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	private final ObjectProvider<AuditRecorder> auditRecorder;

	TomcatProblemErrorsCustomizer(ObjectProvider<AuditRecorder> auditRecorder) {
		this.auditRecorder = auditRecorder;
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextCustomizers((context) -> {
			if (context.getParent() instanceof StandardHost host) {
				// the host adds a valve of this class at start unless one is there: ours is
				host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
			}
			Pipeline pipeline = context.getParent().getPipeline();
			for (Valve valve : pipeline.getValves()) {
				if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
					pipeline.removeValve(valve);
				}
			}
			pipeline.addValve(new ProblemErrorReportValve(this.auditRecorder::getIfAvailable));
		});
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}
}
