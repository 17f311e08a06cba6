package fr.ordre.comptexpert.companion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class QrCodesTest {

    /**
     * The sign-in QR as the login page shows it: the symbol scaled to 220 px without smoothing
     * ({@code image-rendering: pixelated}), a fractional number of pixels a module. With ZXing's finder-pattern search
     * alone, about one such code in two hundred did not read (a ClusterIT run timed out on one); every one must.
     */
    @Test
    void readsEveryCrispSignInCodeAtTheLoginPagesSize() throws IOException {
        SecureRandom random = new SecureRandom();
        List<String> unread = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            String url = "http://localhost:34017/realms/ordre/comptexpert/expertpass/v1/challenges/"
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            try {
                assertEquals(url, QrCodes.decode(scaled(QrCodes.png(url, 1), 220)));
            } catch (IllegalArgumentException e) {
                unread.add(url);
            }
        }
        assertEquals(List.of(), unread);
    }

    @Test
    void refusesWhatIsNotAnImageOrHoldsNoCode() throws IOException {
        assertThrows(IllegalArgumentException.class, () -> QrCodes.decode("not an image".getBytes()));
        BufferedImage blank = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(blank, "PNG", out);
        assertThrows(IllegalArgumentException.class, () -> QrCodes.decode(out.toByteArray()));
    }

    private static byte[] scaled(byte[] png, int size) throws IOException {
        BufferedImage source = ImageIO.read(new ByteArrayInputStream(png));
        BufferedImage target = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = target.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(source, 0, 0, size, size, null);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(target, "PNG", out);
        return out.toByteArray();
    }
}
