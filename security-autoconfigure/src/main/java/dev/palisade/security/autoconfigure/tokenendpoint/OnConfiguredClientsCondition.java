package dev.palisade.security.autoconfigure.tokenendpoint;

import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when {@code palisade.token-endpoint.clients} lists at least one client, in any property source. */
class OnConfiguredClientsCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		boolean configured = Binder.get(context.getEnvironment())
			.bind("palisade.token-endpoint.clients", Bindable.listOf(Map.class))
			.map(List::size)
			.orElse(0) > 0;
		return configured ? ConditionOutcome.match("palisade.token-endpoint.clients is set")
				: ConditionOutcome.noMatch("palisade.token-endpoint.clients is empty");
	}
}
