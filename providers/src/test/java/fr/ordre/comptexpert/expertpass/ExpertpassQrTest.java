package fr.ordre.comptexpert.expertpass;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.LuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExpertpassQrTest {

    /** Rasterises our one-path SVG (runs of "M x y h w", one module high) and reads it back with ZXing. */
    @Test
    void theSvgDecodesToTheSameUrl() throws Exception {
        // Many tokens, not one: a rendering bug that shows for some data only must not pass by luck.
        for (int i = 0; i < 50; i++) {
            decodesBack("https://comptexpert.example/realms/ordre/comptexpert/expertpass/v1/challenges/"
                    + ExpertpassCrypto.randomToken());
        }
    }

    private static void decodesBack(String url) throws Exception {
        String svg = ExpertpassQr.svg(url);
        Matcher size = Pattern.compile("viewBox=\"0 0 (\\d+) ").matcher(svg);
        assertTrue(size.find());
        int modules = Integer.parseInt(size.group(1));
        int scale = 4;
        int border = 4 * scale; // the quiet zone a screen shows around the code
        int side = modules * scale + 2 * border;
        byte[] pixels = new byte[side * side];
        java.util.Arrays.fill(pixels, (byte) 255);
        Matcher run = Pattern.compile("M(\\d+) (\\d+)h(\\d+)").matcher(svg);
        while (run.find()) {
            int x0 = Integer.parseInt(run.group(1));
            int y = Integer.parseInt(run.group(2));
            int w = Integer.parseInt(run.group(3));
            for (int x = x0 * scale; x < (x0 + w) * scale; x++) {
                for (int dy = 0; dy < scale; dy++) {
                    pixels[(border + y * scale + dy) * side + border + x] = 0;
                }
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
        assertEquals(url, new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
                java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText());
        assertTrue(ExpertpassQr.dataUri(url).startsWith("data:image/svg+xml;base64,"));
    }
}
