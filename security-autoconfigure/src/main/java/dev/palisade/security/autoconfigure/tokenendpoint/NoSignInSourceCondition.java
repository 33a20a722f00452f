package dev.palisade.security.autoconfigure.tokenendpoint;

import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.context.annotation.Conditional;

/** Matches when the token endpoint has nobody to sign in: the negation of {@link OnSignInSourceCondition}. */
class NoSignInSourceCondition extends NoneNestedConditions {

	NoSignInSourceCondition() {
		super(ConfigurationPhase.REGISTER_BEAN);
	}

	@Conditional(OnSignInSourceCondition.class)
	static class SignInSource {

	}
}
