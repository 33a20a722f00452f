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
				try {
					return EncryptedValue.parse(parser.getValueAsString());
				}
				catch (AeadException | NullPointerException ex) {
					return (EncryptedValue) context.handleWeirdStringValue(EncryptedValue.class, parser.getString(),
							"not a Palisade encrypted value");
				}
			}
		});
	}

}
