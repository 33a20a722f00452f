package dev.palisade.security.autoconfigure.crypto;

import dev.palisade.security.crypto.aead.AeadException;
import dev.palisade.security.crypto.aead.EncryptedValue;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/** Reads and writes an {@link EncryptedValue} as its base64url string, so it sits in JSON as one field. */
public final class EncryptedValueJacksonModule extends SimpleModule {

	private static final long serialVersionUID = 1L;

	public EncryptedValueJacksonModule() {
		super("palisade-encrypted-value");
		addSerializer(EncryptedValue.class, new ValueSerializer<>() {
			@Override
			public void serialize(EncryptedValue value, JsonGenerator generator, SerializationContext context) {
				generator.writeString(value.encoded());
			}
		});
		addDeserializer(EncryptedValue.class, new ValueDeserializer<>() {
			@Override
			public EncryptedValue deserialize(JsonParser parser, DeserializationContext context) {
				String text = parser.getValueAsString();
				try {
					if (text == null) {
						throw new AeadException(AeadException.Reason.MALFORMED, "An encrypted value is a JSON string");
					}
					return EncryptedValue.parse(text);
				}
				catch (AeadException ex) {
					return (EncryptedValue) context.handleWeirdStringValue(EncryptedValue.class, parser.getString(),
							"not a Palisade encrypted value");
				}
			}
		});
	}

}
