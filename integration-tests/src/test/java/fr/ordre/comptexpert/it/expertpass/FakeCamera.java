package fr.ordre.comptexpert.it.expertpass;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Chromium's fake camera, fed from a Y4M video file that shows a QR code (the page's own image, as a phone would
 * film the screen). The file is replaced atomically; Chromium reads it again at each start of the capture.
 */
final class FakeCamera {

    static final int WIDTH = 640;
    static final int HEIGHT = 480;
    private static final int FRAMES = 5;

    private final Path file;

    FakeCamera(Path file) {
        this.file = file;
        showNothing();
    }

    /** The Chromium switches that make this file the camera, with the permission prompt accepted. */
    List<String> switches() {
        return List.of(
                "--use-fake-device-for-media-stream",
                "--use-fake-ui-for-media-stream",
                "--use-file-for-fake-video-capture=" + file.toAbsolutePath());
    }

    /** A white picture: nothing to read. */
    void showNothing() {
        write(frame(null));
    }

    /** The QR code of an {@code <img>} whose src is a PNG data URI (the login and enrolment pages draw theirs so). */
    void show(String pngDataUri) {
        String base64 = pngDataUri.substring(pngDataUri.indexOf(',') + 1);
        try {
            write(frame(
                    ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(base64)))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Y4M 4:2:0: a header, then frames of a luma plane and two flat chroma planes. */
    private static byte[] frame(BufferedImage qr) {
        byte[] luma = new byte[WIDTH * HEIGHT];
        java.util.Arrays.fill(luma, (byte) 235);
        if (qr != null) {
            int scale = Math.max(1, 400 / qr.getWidth());
            int size = qr.getWidth() * scale;
            int left = (WIDTH - size) / 2;
            int top = (HEIGHT - size) / 2;
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    boolean dark = (qr.getRGB(x / scale, y / scale) & 0xff) < 128;
                    luma[(top + y) * WIDTH + left + x] = (byte) (dark ? 16 : 235);
                }
            }
        }
        byte[] chroma = new byte[WIDTH / 2 * HEIGHT / 2];
        java.util.Arrays.fill(chroma, (byte) 128);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("YUV4MPEG2 W" + WIDTH + " H" + HEIGHT + " F10:1 Ip A1:1 C420jpeg\n")
                .getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < FRAMES; i++) {
            out.writeBytes("FRAME\n".getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(luma);
            out.writeBytes(chroma);
            out.writeBytes(chroma);
        }
        return out.toByteArray();
    }

    private void write(byte[] video) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "camera", ".y4m");
            Files.write(tmp, video);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
