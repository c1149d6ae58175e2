package no.pathway.api.identity;

import com.google.crypto.tink.KeysetHandle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/**
 * The operator's tool for the identity vault's key-encryption keyset (docs/operations.md, "Key rotation"). Run from
 * the service's jar, on a machine that may hold the key:
 *
 * <pre>
 * java -cp pathway.jar -Dloader.main=no.pathway.api.identity.KekTool \
 *     org.springframework.boot.loader.launch.PropertiesLauncher COMMAND FILE
 * </pre>
 *
 * {@code new} writes a keyset of one key; {@code add} adds a key that unwraps but does not wrap yet;
 * {@code promote KEY_ID} makes a key the one that wraps; {@code retire KEY_ID} removes a key no data key is wrapped
 * with any more; {@code show} prints the key ids. It never prints key material.
 */
public final class KekTool {
    private KekTool() {
    }

    public static void main(String[] args) throws IOException, GeneralSecurityException {
        if (args.length < 2) {
            System.err.println("usage: KekTool new|add|show FILE  or  KekTool promote|retire KEY_ID FILE");
            System.exit(2);
        }
        Path file = Path.of(args[args.length - 1]);
        switch (args[0]) {
            case "new" -> {
                if (Files.exists(file)) {
                    throw new IOException("refusing to overwrite an existing keyset: " + file);
                }
                KeyEncryptionKey.write(file, KeyEncryptionKey.newKeyset());
            }
            case "add" -> KeyEncryptionKey.write(file, KeyEncryptionKey.added(read(file)));
            case "promote" -> KeyEncryptionKey.write(file, KeyEncryptionKey.promoted(read(file),
                    Long.parseLong(args[1])));
            case "retire" -> KeyEncryptionKey.write(file, KeyEncryptionKey.retired(read(file),
                    Long.parseLong(args[1])));
            case "show" -> { }
            default -> {
                System.err.println("unknown command " + args[0]);
                System.exit(2);
            }
        }
        KeyEncryptionKey kek = new KeyEncryptionKey(read(file));
        System.out.println("primary " + kek.primaryKeyId() + ", keys " + kek.keyIds());
    }

    private static KeysetHandle read(Path file) throws IOException, GeneralSecurityException {
        return KeyEncryptionKey.fromJson(Files.readString(file, StandardCharsets.UTF_8));
    }
}
