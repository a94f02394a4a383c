package org.openxpo.emulator.grpc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;

/** A self-signed certificate for 127.0.0.1 and its key as PEM files, made with the JDK's own keytool. */
final class TestCertificates {
    private TestCertificates() {}

    private static final char[] PASSWORD = "changeit".toCharArray();

    /** {certificate.pem, key.pem} in {@code dir}. */
    static Path[] selfSigned(Path dir) throws IOException, InterruptedException {
        Path store = dir.resolve("server.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "server", "-keyalg", "EC",
            "-groupname", "secp256r1", "-validity", "2", "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
            "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", new String(PASSWORD))
            .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new IOException("keytool failed: " + output);
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, PASSWORD);
            Path cert = dir.resolve("cert.pem"), key = dir.resolve("key.pem");
            Files.writeString(cert, pem("CERTIFICATE", ks.getCertificate("server").getEncoded()));
            Files.writeString(key, pem("PRIVATE KEY", ks.getKey("server", PASSWORD).getEncoded()));
            return new Path[] {cert, key};
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
            + "\n-----END " + type + "-----\n";
    }
}
