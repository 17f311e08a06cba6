package fr.ordre.comptexpert.expertpass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ExpertpassQrTest {

    /** Reads our PNG with ImageIO (a strict decoder: CRCs, zlib), scales it up as the page does, decodes it. */
    @Test
    void thePngDecodesToTheSameUrl() throws Exception {
        // Many tokens, not one: a rendering bug that shows for some data only must not pass by luck.
        for (int i = 0; i < 50; i++) {
            decodesBack("https://comptexpert.example/realms/ordre/comptexpert/expertpass/v1/challenges/"
                    + ExpertpassCrypto.randomToken());
        }
    }

    @Test
    void theSignInQrStaysSmall() {
        String uri = ExpertpassQr.dataUri(
                "https://comptexpert.experts-comptables.fr/realms/ordre/comptexpert/expertpass/v1/challenges/"
                        + ExpertpassCrypto.randomToken());
        assertTrue(uri.startsWith(ExpertpassQr.DATA_URI_PREFIX));
        assertTrue(uri.length() < 1000, uri.length() + " characters");
    }

    private static void decodesBack(String url) throws Exception {
        String uri = ExpertpassQr.dataUri(url);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(
                Base64.getDecoder().decode(uri.substring(ExpertpassQr.DATA_URI_PREFIX.length()))));
        int modules = image.getWidth();
        assertEquals(modules, image.getHeight());
        assertEquals(0xFFFFFFFF, image.getRGB(0, 0), "a light quiet zone");
        int scale = 4;
        int side = modules * scale;
        byte[] pixels = new byte[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                pixels[y * side + x] = (byte) (image.getRGB(x / scale, y / scale) & 0xff);
            }
        }
        LuminanceSource source = new LuminanceSource(side, side) {
            @Override
            public byte[] getRow(int y, byte[] row) {
                byte[] out = row == null || row.length < side ? new byte[side] : row;
                System.arraycopy(pixels, y * side, out, 0, side);
                return out;
            }

            @Override
            public byte[] getMatrix() {
                return pixels;
            }
        };
        assertEquals(
                url,
                new QRCodeReader()
                        .decode(
                                new BinaryBitmap(new HybridBinarizer(source)),
                                Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
                        .getText());
    }
}
